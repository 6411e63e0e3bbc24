namespace Connectivity.Delivery;

/// <summary>Starts <see cref="InMemoryStoreTransaction"/>s for the in-memory stores.</summary>
public sealed class InMemoryStoreTransactionFactory : IStoreTransactionFactory
{
    /// <inheritdoc />
    public ValueTask<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<IStoreTransaction>(new InMemoryStoreTransaction());
    }
}
