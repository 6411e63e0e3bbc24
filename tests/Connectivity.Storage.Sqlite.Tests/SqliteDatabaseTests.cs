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

        Assert.Equal(1L, Scalar(again, "SELECT COUNT(*) FROM cnx_schema_version;"));
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
        services.AddConnectivity().AddSqliteStores(_file.DatabasePath).AddSqliteStores(_file.DatabasePath).AddInMemoryStores();
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
        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore));
        Assert.True(File.Exists(_file.DatabasePath));
        Assert.Equal(_file.DatabasePath, provider.GetRequiredService<SqliteDatabase>().DatabasePath);
        Assert.Equal(SqliteSynchronousMode.Full, provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.Synchronous);
    }
}
