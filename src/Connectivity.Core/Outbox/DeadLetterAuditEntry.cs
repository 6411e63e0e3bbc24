namespace Connectivity.Outbox;

/// <summary>One recorded action on a dead letter: what, who and when.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Actor">Who did it (a user name, or the dispatcher's name).</param>
/// <param name="At">When, from the store's <see cref="TimeProvider"/>.</param>
/// <param name="Note">Why, if the actor said; for <see cref="DeadLetterAction.DeadLettered"/> the reason.</param>
public sealed record DeadLetterAuditEntry(DeadLetterAction Action, string Actor, DateTimeOffset At, string? Note);
