namespace Connectivity.Outbox;

/// <summary>What a dispatcher asks of <see cref="IOutboxStore.ClaimAsync"/>.</summary>
/// <param name="Owner">The dispatcher's name, recorded with the lease.</param>
/// <param name="BatchSize">The most messages to claim.</param>
/// <param name="LeaseDuration">How long the claim holds before another dispatcher may take the messages over.</param>
public readonly record struct OutboxClaimRequest(string Owner, int BatchSize, TimeSpan LeaseDuration);
