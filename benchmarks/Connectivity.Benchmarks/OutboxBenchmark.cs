using BenchmarkDotNet.Attributes;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Connectivity.Benchmarks;

/// <summary>
/// Enqueue and dispatch throughput of the SQLite outbox, per message (messages/s = 1 / mean). The baseline is a
/// hand-written INSERT loop with the same columns, one transaction per message, on the same file settings.
/// </summary>
[MemoryDiagnoser]
public class OutboxBenchmark
{
    private const int Messages = 1_000;

    private static readonly byte[] Payload = """{"id":"C-1001","name":"Contoso Ltd","creditLimit":{"amount":25000,"currency":"EUR"}}"""u8.ToArray();

    private string _path = string.Empty;
    private SqliteDatabase _database = null!;
    private SqliteOutboxStore _store = null!;
    private OutboxDispatcher _dispatcher = null!;

    /// <summary>Durability of each commit: Full syncs every commit to disk (the default); Normal survives a process crash.</summary>
    [Params(SqliteSynchronousMode.Full, SqliteSynchronousMode.Normal)]
    public SqliteSynchronousMode Synchronous { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"outbox-bench-{Guid.NewGuid():N}.db");
        _database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { DatabasePath = _path, Synchronous = Synchronous }), TimeProvider.System);
        _database.InitializeAsync().GetAwaiter().GetResult();
        _store = new SqliteOutboxStore(_database, TimeProvider.System);
        _dispatcher = new OutboxDispatcher(_store, [new NullWriter()], Options.Create(new OutboxDispatcherOptions { BatchSize = 100 }), TimeProvider.System);
    }

    [IterationSetup(Target = nameof(Dispatch))]
    public void SetupWithPendingMessages()
    {
        Setup();
        EnqueueBatched().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "hand-written INSERT, 1 per transaction")]
    public void HandWrittenInsert()
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA synchronous = {(Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")};";
            pragma.ExecuteNonQuery();
        }

        for (var i = 0; i < Messages; i++)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO cnx_outbox (id, destination, entity_key, payload, headers, not_before, created_at) VALUES ($id, 'erp', $key, $payload, NULL, 0, $now);";
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$key", "customer/" + (i % 100));
            insert.Parameters.AddWithValue("$payload", Payload);
            insert.Parameters.AddWithValue("$now", DateTime.UtcNow.Ticks);
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "EnqueueAsync, 1 per transaction")]
    public async Task Enqueue()
    {
        for (var i = 0; i < Messages; i++)
        {
            await _store.EnqueueAsync([new OutboxMessage(Guid.NewGuid(), "erp", Payload, "customer/" + (i % 100))]);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "EnqueueAsync, 100 per transaction")]
    public async Task EnqueueBatched()
    {
        for (var i = 0; i < Messages; i += 100)
        {
            var batch = new OutboxMessage[100];
            for (var j = 0; j < batch.Length; j++)
            {
                batch[j] = new OutboxMessage(Guid.NewGuid(), "erp", Payload, "customer/" + (j % 100));
            }

            await _store.EnqueueAsync(batch);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "dispatch: claim 100, write, mark each delivered")]
    public async Task Dispatch()
    {
        while ((await _dispatcher.RunOnceAsync()).Claimed > 0)
        {
        }
    }

    private sealed class NullWriter : IDestinationWriter
    {
        public string Destination => "erp";

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken) => new(DeliveryResult.Delivered);
    }
}
