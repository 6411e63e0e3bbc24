namespace Connectivity.Delivery;

/// <summary>
/// One unit of work that several stores enlist in, so that an outbox message is committed together with
/// the state that caused it (identity links, base snapshots, checkpoints, a host's own business rows).
/// </summary>
/// <remarks>
/// Each store provider has its own implementation (an in-memory one in Core, a SQLite one that wraps a
/// <c>SqliteTransaction</c>); a store accepts only the transactions of its own provider. Disposing a transaction
/// that was not committed rolls it back.
/// </remarks>
public interface IStoreTransaction : IAsyncDisposable
{
    /// <summary>Commits every change the enlisted stores made in this transaction.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the changes are durable.</returns>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);
}
