using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// The "sweep" of a mark-and-sweep for targets that do not report deletions: after a complete walk of the target, a linked record
/// the walk did not see is gone. Only sweep after a walk that read every page (<see cref="EntityWalk.IsComplete"/>).
/// </summary>
public static class EntitySweep
{
    /// <summary>Finds the linked remote ids that a complete walk did not see.</summary>
    /// <param name="seenInFullWalk">The remote ids seen in a complete walk of the target.</param>
    /// <param name="linkedRemoteIds">The remote ids linked in the identity map for this target and entity type.</param>
    /// <returns>The ids gone, each once, in ordinal order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> FindGone(IEnumerable<string> seenInFullWalk, IEnumerable<string> linkedRemoteIds)
    {
        Guard.Against.Null(seenInFullWalk);
        Guard.Against.Null(linkedRemoteIds);
        var seen = seenInFullWalk as IReadOnlySet<string> ?? seenInFullWalk.ToHashSet(StringComparer.Ordinal);
        var gone = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in linkedRemoteIds)
        {
            if (!seen.Contains(id))
            {
                gone.Add(id);
            }
        }

        return [.. gone];
    }
}
