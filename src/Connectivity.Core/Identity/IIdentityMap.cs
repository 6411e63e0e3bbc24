namespace Connectivity.Identity;

/// <summary>
/// Links each (system, entity type, remote id) to one canonical id. Implementations must make
/// <see cref="GetOrCreateAsync"/> atomic across concurrent callers and processes (a unique key, not an
/// in-process lock): however many callers race for the same remote record, exactly one canonical id results.
/// </summary>
public interface IIdentityMap
{
    /// <summary>Gets the canonical id linked to a remote record, creating the id and the link when there is none.</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id and whether this call created it.</returns>
    ValueTask<IdentityResolution> GetOrCreateAsync(RemoteKey key, CancellationToken cancellationToken = default);

    /// <summary>Gets the canonical id linked to a remote record.</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id, or <see langword="null"/> when the record is not linked.</returns>
    ValueTask<string?> FindAsync(RemoteKey key, CancellationToken cancellationToken = default);

    /// <summary>Links a remote record to an existing canonical id (after matching it by a natural key, for example).</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="canonicalId">The canonical id; a merged id links to its survivor.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether the link was added, already there, or refused because the record is linked elsewhere.</returns>
    ValueTask<IdentityLinkResult> LinkAsync(RemoteKey key, string canonicalId, CancellationToken cancellationToken = default);

    /// <summary>Removes the link of a remote record.</summary>
    /// <param name="key">The remote record.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when a link was removed.</returns>
    ValueTask<bool> UnlinkAsync(RemoteKey key, CancellationToken cancellationToken = default);

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
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The merge, with the links moved.</returns>
    ValueTask<IdentityMergeResult> MergeAsync(string entityType, string survivorId, string mergedId, CancellationToken cancellationToken = default);
}
