using Connectivity.Delivery;

namespace Connectivity.ChangeTracking;

/// <summary>
/// Keeps the base snapshot per linked record and system. Implementations must be safe for concurrent use
/// across processes: a save names the revision it replaces and fails, as a value, when another save came first.
/// </summary>
/// <remarks>
/// The writing methods take an optional <see cref="IStoreTransaction"/>, so a base is committed together with the
/// outbox message it causes; a transaction that is disposed without a commit leaves the stored base as it was.
/// A store accepts only the transactions of its own provider.
/// </remarks>
public interface IBaseSnapshotStore
{
    /// <summary>Gets the base snapshot of a record for a system.</summary>
    /// <param name="key">The record and system.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The snapshot, or <see langword="null"/> when none has been saved.</returns>
    ValueTask<BaseSnapshot?> GetAsync(RecordKey key, CancellationToken cancellationToken = default);

    /// <summary>Saves a base snapshot if the stored one is still at <paramref name="expectedRevision"/>; the saved revision is <paramref name="expectedRevision"/> + 1.</summary>
    /// <param name="key">The record and system.</param>
    /// <param name="snapshot">The snapshot; its <see cref="BaseSnapshot.Revision"/> is ignored.</param>
    /// <param name="expectedRevision">The revision being replaced; 0 when none is stored yet.</param>
    /// <param name="transaction">A transaction to write in (with the outbox messages the change causes), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when saved; <see langword="false"/> when the stored revision differs.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    ValueTask<bool> TrySaveAsync(RecordKey key, BaseSnapshot snapshot, long expectedRevision, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the base snapshot of a record for a system, for example when the link is removed.</summary>
    /// <param name="key">The record and system.</param>
    /// <param name="transaction">A transaction to write in (with the outbox messages the change causes), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when a snapshot was removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    ValueTask<bool> RemoveAsync(RecordKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);
}
