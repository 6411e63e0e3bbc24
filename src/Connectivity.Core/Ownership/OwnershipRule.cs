namespace Connectivity.Ownership;

/// <summary>A rule of an <see cref="OwnershipPolicy"/>, as declared: for listing and documenting a policy.</summary>
public sealed class OwnershipRule
{
    internal OwnershipRule(string entityType, string? fieldPath, string owner, IReadOnlyList<string>? stages)
    {
        EntityType = entityType;
        FieldPath = fieldPath;
        Owner = owner;
        Stages = stages;
    }

    /// <summary>Gets the entity type the rule belongs to.</summary>
    public string EntityType { get; }

    /// <summary>Gets the field path pattern, or <see langword="null"/> for the entity's default owner.</summary>
    public string? FieldPath { get; }

    /// <summary>Gets the owning system.</summary>
    public string Owner { get; }

    /// <summary>Gets the stages the rule applies at, or <see langword="null"/> for every stage.</summary>
    public IReadOnlyList<string>? Stages { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{EntityType}.{FieldPath ?? "(default)"} -> {Owner}{(Stages is null ? string.Empty : " at " + string.Join(", ", Stages))}";
}
