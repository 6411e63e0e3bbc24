using Connectivity.Delivery;
using Connectivity.Retention;

namespace Connectivity.Inbox;

/// <summary>
/// De-duplicates incoming deliveries (poll pages, webhooks) by (source, message id) within a window. The contract
/// assumes no in-process lock: of concurrent deliveries of one message, exactly one is accepted. Records older than the
/// window are deleted with <see cref="IExpiringStore.PurgeExpiredAsync"/> (see <see cref="RetentionPurger"/>).
/// </summary>
public interface IInboxStore : IExpiringStore
{
    /// <summary>Records the delivery unless it was seen within the window.</summary>
    /// <param name="source">The system the delivery came from.</param>
    /// <param name="messageId">The delivery's id in that system (event id, webhook id).</param>
    /// <param name="transaction">A transaction to enlist in, so the mark commits with the work it guards; or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>Whether the delivery is accepted or a duplicate.</returns>
    ValueTask<InboxResult> TryAcceptAsync(string source, string messageId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);
}
