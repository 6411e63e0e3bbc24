namespace Connectivity.Outbox;

/// <summary>A message a dispatcher holds under a lease, with the fencing token that every completion must present.</summary>
/// <param name="Message">The message, its <see cref="OutboxMessage.AttemptCount"/> counting this attempt.</param>
/// <param name="LeaseToken">The fencing token of the claim; strictly larger than any token the store issued before.</param>
/// <param name="LeaseOwner">The dispatcher that holds the lease.</param>
/// <param name="LeaseExpiresAt">When the lease expires and another dispatcher may take the message over.</param>
public sealed record ClaimedOutboxMessage(OutboxMessage Message, long LeaseToken, string LeaseOwner, DateTimeOffset LeaseExpiresAt);
