namespace Connectivity.Outbox;

/// <summary>A snapshot of an outbox for metrics.</summary>
/// <param name="PendingCount">How many messages are not yet delivered (in flight included).</param>
/// <param name="OldestPendingCreatedAt">When the oldest undelivered message was enqueued, or <see langword="null"/> when none is.</param>
public readonly record struct OutboxStatistics(long PendingCount, DateTimeOffset? OldestPendingCreatedAt);
