namespace Connectivity.Delivery;

/// <summary>What one <see cref="OutboxDispatcher.RunOnceAsync"/> pass did.</summary>
/// <param name="Claimed">Messages claimed.</param>
/// <param name="Delivered">Messages delivered and marked.</param>
/// <param name="Retried">Messages scheduled for another attempt.</param>
/// <param name="DeadLettered">Messages moved to the dead letters.</param>
/// <param name="LeasesLost">Completions refused because another dispatcher had taken the message over.</param>
public readonly record struct OutboxDispatchResult(int Claimed, int Delivered, int Retried, int DeadLettered, int LeasesLost);
