using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Testing.Stores;

/// <summary>
/// A SQLite file of its own for one test, in the temp folder, deleted (with its WAL files) when disposed.
/// Register it with <see cref="AddTo"/> so the test's services use durable stores, as production does.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="SqliteTestDatabase"/> class with a fresh file name.</summary>
    /// <param name="name">A readable part of the file name, for example the test's name.</param>
    public SqliteTestDatabase(string name = "test")
    {
        Guard.Against.Null(name);
        var safe = string.Concat(name.Select(static c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"connectivity-{safe}-{Guid.NewGuid():N}.db");
    }

    /// <summary>Gets the database file's path.</summary>
    public string Path { get; }

    /// <summary>Registers every store of Connectivity on this file (<c>AddSqliteStores</c>).</summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public IConnectivityBuilder AddTo(IConnectivityBuilder builder) => Guard.Against.Null(builder).AddSqliteStores(Path);

    /// <summary>Deletes the file and its WAL and shared-memory files.</summary>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another process still holds it; the temp folder is cleaned eventually.
            }
        }
    }
}
