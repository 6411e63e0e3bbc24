namespace Connectivity.Connectors.Entities;

/// <summary>
/// The remote ids seen in a full walk of a target (<see cref="EntityReader{TEntity}.WalkRemoteIdsAsync"/>): the "mark" of a
/// mark-and-sweep for targets that do not report deletions. Records that failed to map are seen too: they exist.
/// </summary>
public sealed class EntityWalk
{
    internal EntityWalk(IReadOnlySet<string> remoteIds, bool isComplete, int pages)
    {
        RemoteIds = remoteIds;
        IsComplete = isComplete;
        Pages = pages;
    }

    /// <summary>Gets the remote ids of every record the walk saw (tombstones excluded).</summary>
    public IReadOnlySet<string> RemoteIds { get; }

    /// <summary>
    /// Gets a value indicating whether the walk read every page. A walk cut short by its page cap proves nothing about the records it
    /// did not reach: <see cref="FindGone"/> refuses it.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>Gets how many pages the walk read.</summary>
    public int Pages { get; }

    /// <summary>Finds the linked records this walk did not see: they were deleted in the target. See <see cref="EntitySweep.FindGone"/>.</summary>
    /// <param name="linkedRemoteIds">The remote ids linked in the identity map for this target and entity type.</param>
    /// <returns>The ids gone, ordinal order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="linkedRemoteIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The walk is not complete (<see cref="IsComplete"/>).</exception>
    public IReadOnlyList<string> FindGone(IEnumerable<string> linkedRemoteIds)
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException("The walk stopped at its page cap; a sweep after it would report unread records as deleted.");
        }

        return EntitySweep.FindGone(RemoteIds, linkedRemoteIds);
    }
}
