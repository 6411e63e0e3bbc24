using Connectivity.Delivery;

namespace Connectivity.ChangeTracking;

/// <summary>
/// Remembers what Connectivity wrote to each system per record, so that the system reporting the same values
/// back is recognised as an echo. Bounded in time and size: fingerprints older than the time to live are not
/// returned, and only the newest few per record are kept (see <see cref="EchoGuardOptions"/>).
/// </summary>
public interface IEchoFingerprintStore
{
    /// <summary>Remembers a write.</summary>
    /// <param name="fingerprint">The fingerprint of the write.</param>
    /// <param name="transaction">A store transaction to join (the change commits or rolls back with it), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the fingerprint is stored.</returns>
    ValueTask AddAsync(EchoFingerprint fingerprint, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the unexpired fingerprints of a record for a system, newest first.</summary>
    /// <param name="key">The record and system.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The fingerprints; empty when none.</returns>
    ValueTask<IReadOnlyList<EchoFingerprint>> GetAsync(RecordKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the fingerprints of a record for a system written at or before <paramref name="writtenAtOrBefore"/>: once the
    /// system has echoed a write, or reported a change of its own, the writes before it can no longer come back as echoes.
    /// </summary>
    /// <param name="key">The record and system.</param>
    /// <param name="writtenAtOrBefore">The newest write time to forget.</param>
    /// <param name="transaction">A store transaction to join (the change commits or rolls back with it), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the fingerprints are forgotten.</returns>
    ValueTask RemoveAsync(RecordKey key, DateTimeOffset writtenAtOrBefore, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);
}
