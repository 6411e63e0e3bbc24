using Connectivity.Storage.Sqlite.Internal;

namespace Connectivity.Storage.Sqlite;

/// <summary>Options of the SQLite stores.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the path of the database file; created, with its folder, when missing.</summary>
    /// <value>The default value is <c>connectivity.db</c> in the working directory.</value>
    public string DatabasePath { get; set; } = SqliteStoreConstants.DefaultDatabasePath;

    /// <summary>Gets or sets how long a connection waits for another connection's write lock before it fails (<c>PRAGMA busy_timeout</c>).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = SqliteStoreConstants.DefaultBusyTimeout;

    /// <summary>Gets or sets how durable a commit is.</summary>
    /// <value>The default value is <see cref="SqliteSynchronousMode.Full"/>.</value>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;
}
