using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Connectivity.Outbox;
using Connectivity.Idempotency;
using Connectivity.Inbox;
using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.ChangeTracking;
using Connectivity.Identity;
using Connectivity.Storage.Sqlite.Internal;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _file.Dispose();

    private static object? Scalar(SqliteDatabase database, string sql)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Initialize_NewFile_CreatesTheSchemaInWalModeAndRecordsItsVersion()
    {
        var database = _file.Create(_time);

        await database.InitializeAsync();

        Assert.True(File.Exists(_file.DatabasePath));
        Assert.Equal("wal", Scalar(database, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteDatabase.SchemaVersion, Scalar(database, "SELECT MAX(version) FROM cnx_schema_version;"));
        Assert.Equal(_time.GetUtcNow().UtcTicks, Scalar(database, "SELECT applied_at FROM cnx_schema_version WHERE version = 1;"));
    }

    [Fact]
    public async Task Initialize_SecondHandleOnTheSameFile_DoesNotMigrateAgain()
    {
        await _file.Create(_time).InitializeAsync();
        var again = _file.Create(_time);

        await again.InitializeAsync();

        Assert.Equal((long)SqliteDatabase.SchemaVersion, Scalar(again, "SELECT COUNT(*) FROM cnx_schema_version;"));
    }

    [Fact]
    public async Task Initialize_FileFromANewerVersion_Throws()
    {
        var database = _file.Create(_time);
        await database.InitializeAsync();
        Scalar(database, "INSERT INTO cnx_schema_version (version, applied_at) VALUES (999, 0);");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _file.Create(_time).InitializeAsync());
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteStores_RegistersEveryStoreOnOneFileAndMigratesOnStart()
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddSqliteStores(_file.DatabasePath).AddSqliteStores(_file.DatabasePath).AddInMemoryStores().AddInMemoryOwnershipStores();
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.IsType<SqliteOutboxStore>(provider.GetRequiredService<IOutboxStore>());
        Assert.Same(provider.GetRequiredService<IOutboxStore>(), provider.GetRequiredService<IDeadLetterStore>());
        Assert.IsType<SqliteIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<SqliteInboxStore>(provider.GetRequiredService<IInboxStore>());
        Assert.IsType<SqliteCheckpointStore>(provider.GetRequiredService<ICheckpointStore>());
        Assert.IsType<SqliteStoreTransactionFactory>(provider.GetRequiredService<IStoreTransactionFactory>());
        Assert.IsType<SqliteIdentityMap>(provider.GetRequiredService<IIdentityMap>());
        Assert.IsType<SqliteBaseSnapshotStore>(provider.GetRequiredService<IBaseSnapshotStore>());
        Assert.IsType<SqliteEchoFingerprintStore>(provider.GetRequiredService<IEchoFingerprintStore>());
        Assert.IsType<SqliteConflictStore>(provider.GetRequiredService<IConflictStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore));
        Assert.True(File.Exists(_file.DatabasePath));
        Assert.Equal(_file.DatabasePath, provider.GetRequiredService<SqliteDatabase>().DatabasePath);
        Assert.Equal(SqliteSynchronousMode.Full, provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.Synchronous);
    }

    [Fact]
    public void AddSqliteStores_EchoGuardBoundNotPositive_OptionsFailValidation()
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddSqliteStores(_file.DatabasePath);
        services.Configure<EchoGuardOptions>(static o => o.MaxFingerprintsPerRecord = 0);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EchoGuardOptions>>().Value);
    }

    [Fact]
    public async Task Initialize_FileAtSchemaVersionOne_MigratesToLatestAndKeepsItsData()
    {
        // A file exactly as version 1 of this package left it, with a checkpoint and a pending outbox message in it.
        using (var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE cnx_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);"
                + SqliteSchema.Migrations[0]
                + "INSERT INTO cnx_schema_version (version, applied_at) VALUES (1, 42);"
                + "INSERT INTO cnx_checkpoints (connector, stream, partition, cursor, updated_at) VALUES ('crm', 'customers', '0', 'cursor-7', 42);"
                + "INSERT INTO cnx_outbox (id, destination, payload, created_at) VALUES ('" + Guid.CreateVersion7() + "', 'erp', x'01', 42);";
            command.ExecuteNonQuery();
        }

        var database = _file.Create(_time);
        await database.InitializeAsync();

        Assert.Equal((long)SqliteDatabase.SchemaVersion, Scalar(database, "SELECT MAX(version) FROM cnx_schema_version;"));
        Assert.Equal(42L, Scalar(database, "SELECT applied_at FROM cnx_schema_version WHERE version = 1;"));
        Assert.Equal(_time.GetUtcNow().UtcTicks, Scalar(database, "SELECT applied_at FROM cnx_schema_version WHERE version = 2;"));
        var checkpoint = await new SqliteCheckpointStore(database, _time).GetAsync(new CheckpointKey("crm", "customers", "0"));
        Assert.Equal("cursor-7", checkpoint!.Cursor);
        Assert.Equal(1L, (await new SqliteOutboxStore(database, _time).GetStatisticsAsync()).PendingCount);

        var map = new SqliteIdentityMap(database, _time);
        var created = await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "C-1"));
        Assert.True(created.Created);
        Assert.True(await new SqliteBaseSnapshotStore(database).TrySaveAsync(new RecordKey("crm", "customer", created.CanonicalId), new BaseSnapshot("{}"u8.ToArray()), 0));
    }
}
