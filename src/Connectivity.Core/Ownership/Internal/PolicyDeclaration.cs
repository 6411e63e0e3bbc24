namespace Connectivity.Ownership.Internal;

/// <summary>Where a declaration came from: the document (or C#) and its JSON path, to locate errors.</summary>
internal sealed record DeclarationSource(string? Name, JsonLocationIndex? Index)
{
    public static DeclarationSource CSharp { get; } = new(null, null);

    public OwnershipPolicyError Error(string code, string message, string path)
    {
        if (Index is not null && Index.TryGet(path, out var line, out var position))
        {
            return new OwnershipPolicyError(code, message, path, Name, line, position);
        }

        return new OwnershipPolicyError(code, message, path, Name);
    }
}

/// <summary>A system the policy talks about.</summary>
internal sealed record SystemDeclaration(string Name, DeclarationSource Source, string Path);

/// <summary>The policy-wide default owner.</summary>
internal sealed record DefaultOwnerDeclaration(string Owner, DeclarationSource Source, string Path);

/// <summary>An entity mentioned by the policy.</summary>
internal sealed record EntityDeclaration(string EntityType, DeclarationSource Source, string Path);

/// <summary>
/// A rule: <see cref="FieldPath"/> null for the entity's default owner; <see cref="Stages"/> null for every stage.
/// <see cref="Path"/> is the JSON path of the rule itself (its <c>path</c>, <c>owner</c> and <c>stages</c> hang below).
/// </summary>
internal sealed record RuleDeclaration(string EntityType, string? FieldPath, string Owner, IReadOnlyList<string>? Stages, DeclarationSource Source, string Path);
