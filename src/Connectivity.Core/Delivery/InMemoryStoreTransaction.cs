using Ardalis.GuardClauses;

namespace Connectivity.Delivery;

/// <summary>
/// The <see cref="IStoreTransaction"/> of the in-memory stores: each store enlists what to do on commit and
/// on rollback. Other in-memory stores (identity map, base snapshots) enlist through <see cref="Enlist"/> too.
/// </summary>
public sealed class InMemoryStoreTransaction : IStoreTransaction
{
    private readonly List<(Action? Commit, Action? Rollback)> _enlisted = [];
    private bool _completed;

    /// <summary>Enlists the work of one store in this transaction.</summary>
    /// <param name="onCommit">Runs when the transaction commits; applies the store's change.</param>
    /// <param name="onRollback">Runs when the transaction is disposed without a commit; undoes a reservation.</param>
    /// <exception cref="InvalidOperationException">The transaction has already completed.</exception>
    public void Enlist(Action? onCommit, Action? onRollback = null)
    {
        lock (_enlisted)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The transaction has already completed.");
            }

            _enlisted.Add((onCommit, onRollback));
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The transaction has already completed.</exception>
    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (commit, _) in Complete())
        {
            commit?.Invoke();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_enlisted)
        {
            if (_completed)
            {
                return ValueTask.CompletedTask;
            }
        }

        for (var i = _enlisted.Count - 1; i >= 0; i--)
        {
            _enlisted[i].Rollback?.Invoke();
        }

        lock (_enlisted)
        {
            _completed = true;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the in-memory transaction behind <paramref name="transaction"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="transaction">The transaction a caller passed to an in-memory store.</param>
    /// <returns>The in-memory transaction, or <see langword="null"/> when <paramref name="transaction"/> is <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    public static InMemoryStoreTransaction? From(IStoreTransaction? transaction) => transaction switch
    {
        null => null,
        InMemoryStoreTransaction inMemory => inMemory,
        _ => throw new ArgumentException($"An in-memory store cannot enlist in a {transaction.GetType().Name}.", nameof(transaction)),
    };

    private List<(Action? Commit, Action? Rollback)> Complete()
    {
        lock (_enlisted)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The transaction has already completed.");
            }

            _completed = true;
            return _enlisted;
        }
    }
}
