using Connectivity.Delivery;

namespace Connectivity.Inbox;

/// <summary>The outcome of <see cref="IInboxStore.TryAcceptAsync"/>.</summary>
/// <param name="Outcome">Whether the delivery is new or a duplicate.</param>
/// <param name="FirstReceivedAt">When the delivery was first received (now, when accepted).</param>
public readonly record struct InboxResult(InboxOutcome Outcome, DateTimeOffset FirstReceivedAt)
{
    /// <summary>Gets whether the delivery was seen before and must be dropped.</summary>
    public bool IsDuplicate => Outcome == InboxOutcome.Duplicate;

    /// <summary>Gets <see cref="DeliveryErrorCodes.DuplicateDelivery"/> for a duplicate; otherwise <see langword="null"/>.</summary>
    public string? ErrorCode => IsDuplicate ? DeliveryErrorCodes.DuplicateDelivery : null;
}
