namespace Connectivity.Retention;

/// <summary>What one purge of one store deleted.</summary>
/// <param name="Store">The store's type name.</param>
/// <param name="Deleted">How many expired records were deleted.</param>
/// <param name="MoreLeft">Whether the run stopped at <see cref="RetentionPurgeOptions.MaxBatchesPerStore"/> with expired records possibly left.</param>
/// <param name="Error">The failure that stopped this store's purge, or <see langword="null"/>.</param>
public sealed record RetentionPurgeResult(string Store, int Deleted, bool MoreLeft, Exception? Error);
