using Connectivity.Delivery;

namespace Connectivity.Identity;

/// <summary>
/// Links each (system, entity type, remote id) to one canonical id. Implementations must make
/// <see cref="GetOrCreateAsync"/> atomic across concurrent callers and processes (a unique key, not an
/// in-process lock): however many callers race for the same remote record, exactly one canonical id results.
/// </summary>
/// <remarks>
/// The writing methods take an optional <see cref="IStoreTransaction"/>, so a link is committed together with the
/// outbox message it causes; a transaction that is disposed without a commit leaves no link behind. A store accepts
/// only the transactions of its own provider.
/// </remarks>
public interface IIdentityMap
{
    /// <summary>Gets the canonical id linked to a remote record, creating the id and the link when there is none.</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="transaction">A transaction to write in (with the outbox messages the change causes), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id and whether this call created it.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    ValueTask<IdentityResolution> GetOrCreateAsync(RemoteKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the canonical id linked to a remote record.</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id, or <see langword="null"/> when the record is not linked.</returns>
    ValueTask<string?> FindAsync(RemoteKey key, CancellationToken cancellationToken = default);

    /// <summary>Links a remote record to an existing canonical id (after matching it by a natural key, for example).</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="canonicalId">The canonical id; a merged id links to its survivor.</param>
    /// <param name="transaction">A transaction to write in (with the outbox messages the change causes), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether the link was added, already there, or refused because the record is linked elsewhere.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    ValueTask<IdentityLinkResult> LinkAsync(RemoteKey key, string canonicalId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the link of a remote record.</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="transaction">A transaction to write in (with the outbox messages the change causes), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when a link was removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    ValueTask<bool> UnlinkAsync(RemoteKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the remote records linked to a canonical id, ordered by system and remote id.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="canonicalId">The canonical id; a merged id lists its survivor's links.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The links; empty when none.</returns>
    ValueTask<IReadOnlyList<RemoteKey>> ListLinksAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default);

    /// <summary>Gets the canonical id a record is known by now: itself, or the survivor it was merged into.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The surviving canonical id.</returns>
    ValueTask<string> ResolveAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default);

    /// <summary>Merges two canonical records: the merged id's links move to the survivor, and the merged id resolves to the survivor from then on.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="survivorId">The canonical id that remains.</param>
    /// <param name="mergedId">The canonical id merged away.</param>
    /// <param name="transaction">A transaction to write in (with the outbox messages the change causes), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The merge, with the links moved.</returns>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> belongs to another store provider.</exception>
    ValueTask<IdentityMergeResult> MergeAsync(string entityType, string survivorId, string mergedId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);
}
