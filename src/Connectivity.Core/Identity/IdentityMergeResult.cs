namespace Connectivity.Identity;

/// <summary>The result of <see cref="IIdentityMap.MergeAsync"/>.</summary>
/// <param name="SurvivorId">The canonical id that remains.</param>
/// <param name="MergedId">The canonical id merged away; it now resolves to the survivor.</param>
/// <param name="MovedLinks">The links moved from the merged id to the survivor.</param>
public sealed record IdentityMergeResult(string SurvivorId, string MergedId, IReadOnlyList<RemoteKey> MovedLinks);
