using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Microsoft.Data.Sqlite;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// The <see cref="IStoreTransaction"/> of the SQLite stores: one connection and one <c>BEGIN IMMEDIATE</c> transaction
/// that every SQLite store (and any later one: identity map, base snapshots) writes through. A host that keeps its own
/// data in the same file wraps its own transaction with <see cref="Enlist"/>.
/// </summary>
public sealed class SqliteStoreTransaction : IStoreTransaction
{
    private readonly bool _owned;
    private SemaphoreSlim? _gate;
    private bool _completed;

    private SqliteStoreTransaction(SqliteConnection connection, SqliteTransaction transaction, bool owned, SemaphoreSlim? gate = null)
    {
        Connection = connection;
        Transaction = transaction;
        _owned = owned;
        _gate = gate;
    }

    /// <summary>Gets the connection the enlisted stores write through.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Gets the SQLite transaction the enlisted stores write in.</summary>
    public SqliteTransaction Transaction { get; }

    /// <summary>
    /// Wraps a transaction the host opened on its own connection to the store's file (see <see cref="SqliteDatabase.ConnectionString"/>),
    /// so the stores write in it. The host keeps ownership: it commits or rolls back its transaction itself, and
    /// <see cref="CommitAsync"/> and <see cref="DisposeAsync"/> of the wrapper do nothing.
    /// </summary>
    /// <param name="transaction">The host's transaction; open it with <c>BeginTransaction(deferred: false)</c> so it takes the write lock at once.</param>
    /// <returns>The wrapper to pass to the stores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transaction"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> has no connection (it has completed).</exception>
    public static SqliteStoreTransaction Enlist(SqliteTransaction transaction)
    {
        Guard.Against.Null(transaction);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has completed.", nameof(transaction));
        return new SqliteStoreTransaction(connection, transaction, owned: false);
    }

    /// <summary>Returns the SQLite transaction behind <paramref name="transaction"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="transaction">The transaction a caller passed to a SQLite store.</param>
    /// <returns>The SQLite transaction, or <see langword="null"/> when <paramref name="transaction"/> is <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    public static SqliteStoreTransaction? From(IStoreTransaction? transaction) => transaction switch
    {
        null => null,
        SqliteStoreTransaction sqlite => sqlite,
        _ => throw new ArgumentException($"A SQLite store cannot enlist in a {transaction.GetType().Name}.", nameof(transaction)),
    };

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The transaction has already completed.</exception>
    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_owned)
        {
            return ValueTask.CompletedTask;
        }

        if (_completed)
        {
            throw new InvalidOperationException("The transaction has already completed.");
        }

        Transaction.Commit();
        _completed = true;
        ReleaseGate();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_owned)
        {
            try
            {
                // Disposing an uncommitted SqliteTransaction rolls it back.
                Transaction.Dispose();
                Connection.Dispose();
            }
            finally
            {
                _completed = true;
                ReleaseGate();
            }
        }

        return ValueTask.CompletedTask;
    }

    internal static async ValueTask<SqliteStoreTransaction> BeginAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        // Writers of this process queue at the gate, so the BEGIN IMMEDIATE below meets only other processes at the file's lock.
        if (!await database.WriteGate.WaitAsync(database.WriteGateTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"No store transaction on '{database.DatabasePath}' within {database.WriteGateTimeout}: another write of this process held it.");
        }

        SqliteConnection? connection = null;
        try
        {
            connection = database.Open();
            return new SqliteStoreTransaction(connection, connection.BeginTransaction(deferred: false), owned: true, database.WriteGate);
        }
        catch
        {
            connection?.Dispose();
            database.WriteGate.Release();
            throw;
        }
    }

    private void ReleaseGate() => Interlocked.Exchange(ref _gate, null)?.Release();
}
