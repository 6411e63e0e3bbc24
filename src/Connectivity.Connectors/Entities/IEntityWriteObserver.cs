using Connectivity.Outbox;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// Told by an <see cref="EntityDestinationWriter{TEntity}"/> when the target holds a delivered entity, with its remote id, so the
/// caller can link it in the identity map (<c>IIdentityMap.LinkAsync</c>) or record it otherwise.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>
/// Called after every successful write, retries and replays included, so it must be idempotent (a link that is already there is
/// <c>AlreadyLinked</c>). An exception it throws fails the delivery as a transient failure: the message is delivered again (harmless
/// under the writer's idempotency strategy) and the observer called again, so a link is never lost.
/// </remarks>
public interface IEntityWriteObserver<in TEntity>
    where TEntity : class
{
    /// <summary>Called when the target holds the entity (<see cref="EntityWriteResult.IsSuccess"/>).</summary>
    /// <param name="message">The outbox message delivered.</param>
    /// <param name="entity">The entity read from its payload.</param>
    /// <param name="result">The write's result, with <see cref="EntityWriteResult.RemoteId"/> when the target said.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnWrittenAsync(OutboxMessage message, TEntity entity, EntityWriteResult result, CancellationToken cancellationToken);
}
