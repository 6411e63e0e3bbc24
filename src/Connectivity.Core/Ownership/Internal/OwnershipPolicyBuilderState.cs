namespace Connectivity.Ownership.Internal;

/// <summary>The declarations a policy was built from, so that it can be turned back into a builder and extended.</summary>
internal sealed record OwnershipPolicyBuilderState(
    IReadOnlyList<SystemDeclaration> Systems,
    IReadOnlyList<DefaultOwnerDeclaration> Defaults,
    IReadOnlyList<EntityDeclaration> Entities,
    IReadOnlyList<RuleDeclaration> Rules,
    IReadOnlyDictionary<string, int> FieldCounts);
