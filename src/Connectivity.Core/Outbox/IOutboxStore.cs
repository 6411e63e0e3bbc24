using Connectivity.Delivery;

namespace Connectivity.Outbox;

/// <summary>
/// The outbox: messages enqueued in the same transaction as the state that caused them, claimed by dispatchers
/// under leases. Implementations must be correct when several dispatchers in several processes share the store:
/// the contract assumes no in-process lock.
/// </summary>
/// <remarks>
/// <para>Claims: a message is claimable when it is not delivered, its not-before time has passed, its destination is
/// not paused, no live lease holds it, and no earlier undelivered message has the same entity key (so at most one
/// message per key is in flight, in enqueue order). A dead-lettered message leaves the outbox and no longer holds its key.</para>
/// <para>Fencing: every claim carries a token larger than all earlier ones; a completion whose token is not the
/// message's current token is refused (returns <see langword="false"/>) and changes nothing.</para>
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Adds messages to the outbox.</summary>
    /// <param name="messages">The messages, in the order they must keep per entity key.</param>
    /// <param name="transaction">A transaction of this store's provider to enlist in, or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the messages are enqueued (or enlisted).</returns>
    ValueTask EnqueueAsync(IReadOnlyList<OutboxMessage> messages, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <see cref="OutboxClaimRequest.BatchSize"/> claimable messages, oldest first, and counts an attempt on each.</summary>
    /// <param name="request">The owner, batch size and lease duration.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The claimed messages, oldest first; empty when none is claimable.</returns>
    ValueTask<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(OutboxClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the leases of claims still held to <paramref name="expiresAt"/>, so a delivery that outlasts the lease is not
    /// claimed (and sent) again by another dispatcher. A claim whose token is no longer the message's (re-claimed, completed,
    /// released) is left alone.
    /// </summary>
    /// <param name="claims">The claims to extend.</param>
    /// <param name="expiresAt">The new expiry of each lease.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How many leases were extended.</returns>
    ValueTask<int> RenewLeasesAsync(IReadOnlyCollection<ClaimedOutboxMessage> claims, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed message delivered.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="leaseToken">The fencing token of the claim.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when marked; <see langword="false"/> when the lease was lost.</returns>
    ValueTask<bool> MarkDeliveredAsync(Guid messageId, long leaseToken, CancellationToken cancellationToken = default);

    /// <summary>Releases a claimed message for another attempt no earlier than <paramref name="notBefore"/>.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="leaseToken">The fencing token of the claim.</param>
    /// <param name="notBefore">The earliest time of the next attempt.</param>
    /// <param name="lastError">Why the attempt failed.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when scheduled; <see langword="false"/> when the lease was lost.</returns>
    ValueTask<bool> ScheduleRetryAsync(Guid messageId, long leaseToken, DateTimeOffset notBefore, string lastError, CancellationToken cancellationToken = default);

    /// <summary>Moves a claimed message to the dead letters, recording the reason with the dispatcher as actor.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="leaseToken">The fencing token of the claim.</param>
    /// <param name="errorCode">The stable error code (see <see cref="DeliveryErrorCodes"/>).</param>
    /// <param name="reason">Why the message is dead-lettered.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when dead-lettered; <see langword="false"/> when the lease was lost.</returns>
    ValueTask<bool> DeadLetterAsync(Guid messageId, long leaseToken, string errorCode, string reason, CancellationToken cancellationToken = default);

    /// <summary>Releases every lease <paramref name="owner"/> holds, so a restarted dispatcher with a stable name need not wait for its old leases to expire.</summary>
    /// <param name="owner">The dispatcher name.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How many leases were released.</returns>
    ValueTask<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>Stops claims of messages for <paramref name="destination"/> in every dispatcher that shares this store.</summary>
    /// <param name="destination">The destination name.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the destination is paused.</returns>
    ValueTask PauseDestinationAsync(string destination, CancellationToken cancellationToken = default);

    /// <summary>Resumes claims of messages for <paramref name="destination"/>.</summary>
    /// <param name="destination">The destination name.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the destination is resumed.</returns>
    ValueTask ResumeDestinationAsync(string destination, CancellationToken cancellationToken = default);

    /// <summary>Lists the paused destinations.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The paused destination names.</returns>
    ValueTask<IReadOnlyList<string>> GetPausedDestinationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes up to <paramref name="maxCount"/> messages delivered before <paramref name="deliveredBefore"/>.</summary>
    /// <param name="deliveredBefore">The retention boundary.</param>
    /// <param name="maxCount">The batch bound.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How many messages were deleted.</returns>
    ValueTask<int> DeleteDeliveredAsync(DateTimeOffset deliveredBefore, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Reads the pending count and the age of the oldest pending message.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The statistics.</returns>
    ValueTask<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
