namespace Connectivity.Identity;

/// <summary>The result of <see cref="IIdentityMap.GetOrCreateAsync"/>: the canonical id and whether it was created by this call.</summary>
/// <param name="CanonicalId">The canonical id linked to the remote record.</param>
/// <param name="Created"><see langword="true"/> when this call created the canonical id and the link.</param>
public readonly record struct IdentityResolution(string CanonicalId, bool Created);
