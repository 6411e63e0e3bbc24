namespace Connectivity.Retention;

/// <summary>
/// A store whose records expire (a de-duplication window, a time to live) and are deleted in batches. The inbox and
/// idempotency stores are expiring stores; <see cref="RetentionPurger"/> purges every one registered.
/// </summary>
public interface IExpiringStore
{
    /// <summary>Deletes up to <paramref name="maxCount"/> records that have expired.</summary>
    /// <param name="maxCount">The most records to delete in this call.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How many records were deleted.</returns>
    ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default);
}
