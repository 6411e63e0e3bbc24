namespace Connectivity.Delivery;

/// <summary>Starts the <see cref="IStoreTransaction"/> of the registered store provider.</summary>
public interface IStoreTransactionFactory
{
    /// <summary>Starts a new transaction that the stores of this provider can enlist in.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The transaction; the caller commits it and disposes it.</returns>
    ValueTask<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
