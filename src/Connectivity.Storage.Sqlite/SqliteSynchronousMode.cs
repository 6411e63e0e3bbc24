namespace Connectivity.Storage.Sqlite;

/// <summary>How hard SQLite works to make a commit durable (<c>PRAGMA synchronous</c>).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is synced to disk: a committed message survives a power loss as well as a process crash.</summary>
    Full = 0,

    /// <summary>The write-ahead log is synced at checkpoints only: a commit survives a process crash, but the last commits
    /// may roll back on a power loss or an operating-system crash. Faster.</summary>
    Normal = 1,
}
