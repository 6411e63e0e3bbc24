using Connectivity.ChangeTracking;
using Connectivity.Core.Tests.ChangeTracking;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteEchoFingerprintStoreTests : EchoFingerprintStoreConformanceTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ??= _file.Create(Time);

    public void Dispose() => _file.Dispose();

    protected override IEchoFingerprintStore CreateStore() =>
        new SqliteEchoFingerprintStore(Database, Options.Create(new EchoGuardOptions { TimeToLive = TimeSpan.FromMinutes(10), MaxFingerprintsPerRecord = 3 }), Time);

    private long RowCount()
    {
        using var connection = new SqliteConnection(Database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM cnx_echo_fingerprints;";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task AddAsync_ExpiredFingerprintsOfOtherRecords_SweptFromTheFile()
    {
        var store = CreateStore();
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync(new EchoFingerprint(new RecordKey("erp", "customer", $"c{i}"), ["name"], i, Time.GetUtcNow()));
        }

        Time.Advance(TimeSpan.FromMinutes(11));
        await store.AddAsync(new EchoFingerprint(new RecordKey("erp", "customer", "c9"), ["name", "address.city"], 9, Time.GetUtcNow()));

        Assert.Equal(1, RowCount());
        Assert.Equal(["name", "address.city"], Assert.Single(await store.GetAsync(new RecordKey("erp", "customer", "c9"))).FieldPaths);
    }

    [Fact]
    public async Task PurgeExpiredAsync_ExpiredAndLive_DeletesOnlyExpiredUpToMax()
    {
        var store = (SqliteEchoFingerprintStore)CreateStore();
        for (var i = 0; i < 3; i++)
        {
            await store.AddAsync(new EchoFingerprint(new RecordKey("erp", "customer", $"c{i}"), ["name"], i, Time.GetUtcNow()));
        }

        Time.Advance(TimeSpan.FromMinutes(11));

        // Nothing written since the clock moved: all three are expired, none swept yet.
        Assert.Equal(3, RowCount());

        Assert.Equal(2, await store.PurgeExpiredAsync(2));
        Assert.Equal(1, await store.PurgeExpiredAsync(10));
        Assert.Equal(0, RowCount());
    }
}
