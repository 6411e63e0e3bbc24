using System.Globalization;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

// Usage: CrashHost <outbox.db> <ledger.db> <run number> [sink latency in ms]
// Dispatches the outbox to a ledger sink until nothing is pending, then exits 0. The crash test kills it at random moments.
var outboxPath = args[0];
var ledgerPath = args[1];
var run = int.Parse(args[2], CultureInfo.InvariantCulture);
var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);

var database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { DatabasePath = outboxPath }), TimeProvider.System);
await database.InitializeAsync();
var store = new SqliteOutboxStore(database, TimeProvider.System);
using var sink = new LedgerSink(ledgerPath, run, latency);
var dispatcher = new OutboxDispatcher(
    store,
    [sink],
    Options.Create(new OutboxDispatcherOptions { Owner = "crash-host", BatchSize = 20, MaxAttempts = 1000, BaseRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(10) }),
    TimeProvider.System);

// A restarted host with a stable name takes its in-flight messages back at once instead of waiting for the leases to expire.
await store.ReleaseLeasesAsync(dispatcher.Owner);
Console.WriteLine("READY");
Console.Out.Flush();

while (true)
{
    var pass = await dispatcher.RunOnceAsync();
    if (pass.Claimed == 0)
    {
        if ((await store.GetStatisticsAsync()).PendingCount == 0)
        {
            Console.WriteLine("DRAINED");
            return 0;
        }

        await Task.Delay(5);
    }
}

/// <summary>
/// The sink: every delivery appends a ledger row (to count duplicates) and upserts the effect by message id
/// (an idempotent target), in one transaction of its own file.
/// </summary>
internal sealed class LedgerSink : IDestinationWriter, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly int _run;
    private readonly TimeSpan _latency;

    public LedgerSink(string path, int run, TimeSpan latency)
    {
        _run = run;
        _latency = latency;
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        using var setup = _connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS deliveries (seq INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL, entity_key TEXT, run INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS effects (message_id TEXT PRIMARY KEY, payload BLOB NOT NULL);
            """;
        setup.ExecuteNonQuery();
    }

    public string Destination => "ledger";

    public async ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, cancellationToken);
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        using var write = _connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = """
            INSERT INTO deliveries (message_id, entity_key, run) VALUES ($id, $key, $run);
            INSERT INTO effects (message_id, payload) VALUES ($id, $payload) ON CONFLICT (message_id) DO UPDATE SET payload = excluded.payload;
            """;
        write.Parameters.AddWithValue("$id", message.Id.ToString());
        write.Parameters.AddWithValue("$key", (object?)message.EntityKey ?? DBNull.Value);
        write.Parameters.AddWithValue("$run", _run);
        write.Parameters.AddWithValue("$payload", message.Payload.ToArray());
        write.ExecuteNonQuery();
        transaction.Commit();
        return DeliveryResult.Delivered;
    }

    public void Dispose() => _connection.Dispose();
}
