using Connectivity.Delivery;
using Connectivity.Outbox;

namespace Connectivity.Core.Tests.Outbox;

/// <summary>An outbox that hands every call to another; tests override the calls they fail or count.</summary>
internal abstract class DelegatingOutboxStore(IOutboxStore inner) : IOutboxStore
{
    public virtual ValueTask EnqueueAsync(IReadOnlyList<OutboxMessage> messages, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default) => inner.EnqueueAsync(messages, transaction, cancellationToken);

    public virtual ValueTask<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(OutboxClaimRequest request, CancellationToken cancellationToken = default) => inner.ClaimAsync(request, cancellationToken);

    public virtual ValueTask<int> RenewLeasesAsync(IReadOnlyCollection<ClaimedOutboxMessage> claims, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => inner.RenewLeasesAsync(claims, expiresAt, cancellationToken);

    public virtual ValueTask<bool> MarkDeliveredAsync(Guid messageId, long leaseToken, CancellationToken cancellationToken = default) => inner.MarkDeliveredAsync(messageId, leaseToken, cancellationToken);

    public virtual ValueTask<bool> ScheduleRetryAsync(Guid messageId, long leaseToken, DateTimeOffset notBefore, string lastError, CancellationToken cancellationToken = default) => inner.ScheduleRetryAsync(messageId, leaseToken, notBefore, lastError, cancellationToken);

    public virtual ValueTask<bool> DeadLetterAsync(Guid messageId, long leaseToken, string errorCode, string reason, CancellationToken cancellationToken = default) => inner.DeadLetterAsync(messageId, leaseToken, errorCode, reason, cancellationToken);

    public virtual ValueTask<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken = default) => inner.ReleaseLeasesAsync(owner, cancellationToken);

    public virtual ValueTask PauseDestinationAsync(string destination, CancellationToken cancellationToken = default) => inner.PauseDestinationAsync(destination, cancellationToken);

    public virtual ValueTask ResumeDestinationAsync(string destination, CancellationToken cancellationToken = default) => inner.ResumeDestinationAsync(destination, cancellationToken);

    public virtual ValueTask<IReadOnlyList<string>> GetPausedDestinationsAsync(CancellationToken cancellationToken = default) => inner.GetPausedDestinationsAsync(cancellationToken);

    public virtual ValueTask<int> DeleteDeliveredAsync(DateTimeOffset deliveredBefore, int maxCount, CancellationToken cancellationToken = default) => inner.DeleteDeliveredAsync(deliveredBefore, maxCount, cancellationToken);

    public virtual ValueTask<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);
}
