using Ardalis.GuardClauses;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// The one SQLite file every store shares: opens connections with the store's settings (WAL, <c>busy_timeout</c>,
/// <c>synchronous</c>) and creates or migrates the versioned schema on first use. Thread-safe; one per file.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly Lazy<Task> _initialization;
    private readonly string _pragmas;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new database handle; nothing touches the file until the first use.</summary>
    /// <param name="options">The file path and connection settings.</param>
    /// <param name="timeProvider">The clock that stamps applied migrations.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The path is empty or the busy timeout is negative.</exception>
    public SqliteDatabase(IOptions<SqliteStoreOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = Guard.Against.Null(timeProvider);
        var value = Guard.Against.Null(options).Value;
        Guard.Against.NullOrWhiteSpace(value.DatabasePath, nameof(options));
        Guard.Against.Negative(value.BusyTimeout.Ticks, nameof(options));

        DatabasePath = Path.GetFullPath(value.DatabasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(value.BusyTimeout.TotalSeconds),
        }.ToString();
        WriteGateTimeout = value.BusyTimeout;
        _pragmas = $"PRAGMA busy_timeout = {(long)value.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(value.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")}; PRAGMA foreign_keys = ON;";
        _initialization = new Lazy<Task>(Migrate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Gets the gate writers of this process pass, one at a time, before they take SQLite's write lock: they queue here instead of
    /// sleeping in SQLite's busy handler. Other processes still meet at the file's lock (<c>busy_timeout</c>).
    /// </summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>Gets how long a writer waits for the gate before it fails, as long as SQLite waits for the file's lock.</summary>
    internal TimeSpan WriteGateTimeout { get; }

    /// <summary>Gets the connection string a host uses to open its own connection to the same file (to enlist its own transaction).</summary>
    public string ConnectionString { get; }

    /// <summary>Gets the schema version this package creates and migrates to.</summary>
    public static int SchemaVersion => SqliteSchema.LatestVersion;

    /// <summary>Creates the file and its schema, or migrates an older schema, once. Safe to call from several processes at once.</summary>
    /// <param name="cancellationToken">A token to cancel the wait (the migration itself runs to its end).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.Value.WaitAsync(cancellationToken);

    /// <summary>Opens a connection with the store's settings, after the schema is current.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    public async ValueTask<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return OpenRaw();
    }

    internal SqliteConnection Open()
    {
        var initialization = _initialization.Value;
        if (!initialization.IsCompletedSuccessfully)
        {
            initialization.GetAwaiter().GetResult();
        }

        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private Task Migrate()
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = OpenRaw();
        using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, it holds for every later connection.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS cnx_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        long current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM cnx_schema_version;";
            current = (long)read.ExecuteScalar()!;
        }

        if (current > SqliteSchema.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{DatabasePath}' has schema version {current}, newer than the {SqliteSchema.LatestVersion} this version of Connectivity.Storage.Sqlite knows. Upgrade the package.");
        }

        for (var version = (int)current + 1; version <= SqliteSchema.LatestVersion; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = SqliteSchema.Migrations[version - 1];
            migrate.ExecuteNonQuery();

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO cnx_schema_version (version, applied_at) VALUES ($version, $at);";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$at", _timeProvider.GetUtcNow().UtcTicks);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }
}
