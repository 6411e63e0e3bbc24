using System.Text;
using Connectivity.ChangeTracking;
using Connectivity.Checkpoints;
using Connectivity.Identity;
using Connectivity.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteStoreTransactionTests : IDisposable
{
    private static readonly RemoteKey Remote = new("crm", "customer", "A-1");
    private static readonly CheckpointKey Cursor = new("crm", "customers");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OneTransaction_IdentityBaseCheckpointAndOutbox_CommitOrRollBackTogether(bool commit)
    {
        var database = _file.Create(_time);
        var map = new SqliteIdentityMap(database, _time);
        var snapshots = new SqliteBaseSnapshotStore(database);
        var checkpoints = new SqliteCheckpointStore(database, _time);
        var outbox = new SqliteOutboxStore(database, _time);
        var otherDatabase = _file.Create(_time);
        var other = new Observer(otherDatabase, _time);

        // A handle's first use checks the schema under the write lock; do it before the transaction holds that lock.
        await database.InitializeAsync();
        await otherDatabase.InitializeAsync();
        string canonicalId;

        await using (var transaction = await new SqliteStoreTransactionFactory(database).BeginTransactionAsync())
        {
            var resolution = await map.GetOrCreateAsync(Remote, transaction);
            canonicalId = resolution.CanonicalId;
            Assert.True(resolution.Created);
            Assert.True(await snapshots.TrySaveAsync(new RecordKey("crm", "customer", canonicalId), new BaseSnapshot("""{"name":"Acme"}"""u8.ToArray(), 0), 0, transaction));
            await checkpoints.SaveAsync(Cursor, "page-2", transaction);
            await outbox.EnqueueAsync([new OutboxMessage(Guid.NewGuid(), "erp", Encoding.UTF8.GetBytes($$"""{"id":"{{canonicalId}}"}"""), $"customer/{canonicalId}")], transaction);

            // Nothing is visible outside the transaction before it completes.
            Assert.Equal((null, null, null, 0L), await other.ReadAsync(canonicalId));
            if (commit)
            {
                await transaction.CommitAsync();
            }
        }

        var (link, snapshot, cursor, pending) = await other.ReadAsync(canonicalId);
        if (commit)
        {
            Assert.Equal(canonicalId, link);
            Assert.Equal(1, snapshot!.Revision);
            Assert.Equal("page-2", cursor);
            Assert.Equal(1, pending);
        }
        else
        {
            Assert.Equal((null, null, null, 0L), (link, snapshot, cursor, pending));
            Assert.True((await map.GetOrCreateAsync(Remote)).Created);
        }
    }

    /// <summary>The four stores on a second database handle, as another process would see the file.</summary>
    private sealed class Observer(SqliteDatabase database, TimeProvider time)
    {
        private readonly SqliteIdentityMap _map = new(database, time);
        private readonly SqliteBaseSnapshotStore _snapshots = new(database);
        private readonly SqliteCheckpointStore _checkpoints = new(database, time);
        private readonly SqliteOutboxStore _outbox = new(database, time);

        public async Task<(string? Link, BaseSnapshot? Snapshot, string? Cursor, long Pending)> ReadAsync(string canonicalId) =>
            (await _map.FindAsync(Remote),
             await _snapshots.GetAsync(new RecordKey("crm", "customer", canonicalId)),
             (await _checkpoints.GetAsync(Cursor))?.Cursor,
             (await _outbox.GetStatisticsAsync()).PendingCount);
    }
}
