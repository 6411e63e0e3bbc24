using Connectivity.Checkpoints;
using Connectivity.Core.Tests.Outbox;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Microsoft.Data.Sqlite;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteOutboxStoreTests : OutboxStoreConformanceTests
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ??= _file.Create(Time);

    protected override IOutboxStore CreateStore() => new SqliteOutboxStore(Database, Time);

    protected override IStoreTransactionFactory CreateTransactionFactory() => new SqliteStoreTransactionFactory(Database);

    protected override ICheckpointStore CreateCheckpointStore() => new SqliteCheckpointStore(Database, Time);

    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public async Task Enqueue_InTheHostsOwnTransaction_CommitsAndRollsBackWithTheHostsRows()
    {
        var store = CreateStore();
        await Database.InitializeAsync();
        using (var setup = new SqliteConnection(Database.ConnectionString))
        {
            setup.Open();
            using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE orders (id TEXT PRIMARY KEY);";
            create.ExecuteNonQuery();
        }

        foreach (var commit in new[] { false, true })
        {
            using var connection = new SqliteConnection(Database.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO orders (id) VALUES ($id);";
                insert.Parameters.AddWithValue("$id", commit ? "o-2" : "o-1");
                insert.ExecuteNonQuery();
            }

            await store.EnqueueAsync([Message()], SqliteStoreTransaction.Enlist(transaction));
            if (commit)
            {
                transaction.Commit();
            }
            else
            {
                transaction.Rollback();
            }
        }

        Assert.Equal(1, (await store.GetStatisticsAsync()).PendingCount);
        using var check = new SqliteConnection(Database.ConnectionString);
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT group_concat(id) FROM orders;";
        Assert.Equal("o-2", count.ExecuteScalar());
    }

    [Fact]
    public async Task Enqueue_InAnotherProvidersTransaction_Throws()
    {
        await using var foreign = new InMemoryStoreTransaction();

        await Assert.ThrowsAsync<ArgumentException>(async () => await CreateStore().EnqueueAsync([Message()], foreign));
    }

    [Fact]
    public async Task Claim_FromTwoDatabaseHandlesOnOneFile_SeesOneStore()
    {
        var first = CreateStore();
        var second = new SqliteOutboxStore(_file.Create(Time), Time);
        var message = Message();
        await first.EnqueueAsync([message]);

        var claimed = Assert.Single(await second.ClaimAsync(new OutboxClaimRequest("other-process", 10, TimeSpan.FromMinutes(1))));

        Assert.Empty(await first.ClaimAsync(new OutboxClaimRequest("this-process", 10, TimeSpan.FromMinutes(1))));
        Assert.True(await first.MarkDeliveredAsync(message.Id, claimed.LeaseToken));
    }
}
