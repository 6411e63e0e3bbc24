using Connectivity.Retention;

namespace Connectivity.Idempotency;

/// <summary>
/// Remembers idempotency keys with the fingerprint of their request and the result of the work, so a retried or
/// replayed request returns the first result instead of doing the work twice. The contract assumes no in-process
/// lock: exactly one of many concurrent callers with one key gets <see cref="IdempotencyOutcome.New"/>, across processes too.
/// Expired records are deleted with <see cref="IExpiringStore.PurgeExpiredAsync"/> (see <see cref="RetentionPurger"/>).
/// </summary>
public interface IIdempotencyStore : IExpiringStore
{
    /// <summary>Looks the key up and, when it is new (or expired, or its holder timed out), takes it for the caller.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="fingerprint">A fingerprint of the request (see <see cref="IdempotencyFingerprint"/>).</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>What the store found.</returns>
    ValueTask<IdempotencyResult> TryBeginAsync(string key, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Stores the result of the work for a key the caller holds.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="leaseToken">The token from the <see cref="IdempotencyOutcome.New"/> result.</param>
    /// <param name="result">The result to return to later callers with the same key and fingerprint.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when stored; <see langword="false"/> when the caller no longer holds the key.</returns>
    ValueTask<bool> CompleteAsync(string key, string leaseToken, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default);

    /// <summary>Gives up a key the caller holds (the work failed and may be tried again).</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="leaseToken">The token from the <see cref="IdempotencyOutcome.New"/> result.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when given up; <see langword="false"/> when the caller no longer held the key.</returns>
    ValueTask<bool> AbandonAsync(string key, string leaseToken, CancellationToken cancellationToken = default);
}
