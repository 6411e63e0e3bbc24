namespace Connectivity.Outbox;

/// <summary>A message the dispatcher gave up on, with why, and what has been done with it since.</summary>
/// <param name="Message">The message as it was when dead-lettered (its attempt count and last error included).</param>
/// <param name="ErrorCode">The stable error code (see <see cref="Delivery.DeliveryErrorCodes"/>).</param>
/// <param name="Reason">Why it was dead-lettered.</param>
/// <param name="DeadLetteredAt">When it was (last) dead-lettered.</param>
/// <param name="Status">Whether it is active, replayed or dismissed.</param>
/// <param name="History">Every recorded action, oldest first; empty in list results.</param>
public sealed record DeadLetter(
    OutboxMessage Message,
    string ErrorCode,
    string Reason,
    DateTimeOffset DeadLetteredAt,
    DeadLetterStatus Status,
    IReadOnlyList<DeadLetterAuditEntry> History);
