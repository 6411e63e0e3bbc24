using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite.Tests;

/// <summary>A database file of its own for one test, deleted (with its WAL files) afterwards.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "connectivity-tests");
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    public SqliteDatabase Create(TimeProvider timeProvider, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full) =>
        new(Options.Create(new SqliteStoreOptions { DatabasePath = DatabasePath, Synchronous = synchronous }), timeProvider);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
