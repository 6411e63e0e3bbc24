using Ardalis.GuardClauses;

namespace Connectivity.Testing.Conformance;

/// <summary>A field of the entity that names its parent record, such as a work order's <c>customerId</c>.</summary>
public sealed record ConformanceReference
{
    /// <summary>Initializes a new instance of the <see cref="ConformanceReference"/> class.</summary>
    /// <param name="fieldPath">The canonical field that holds the parent's id (a property path without indexes, <c>customerId</c>).</param>
    /// <param name="entityType">The parent's entity type (<c>customer</c>).</param>
    /// <exception cref="ArgumentException">An argument is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ConformanceReference(string fieldPath, string entityType)
    {
        FieldPath = Guard.Against.NullOrWhiteSpace(fieldPath);
        EntityType = Guard.Against.NullOrWhiteSpace(entityType);
    }

    /// <summary>Gets the canonical field that holds the parent's id.</summary>
    public string FieldPath { get; }

    /// <summary>Gets the parent's entity type.</summary>
    public string EntityType { get; }

    /// <inheritdoc />
    public override string ToString() => $"{FieldPath} -> {EntityType}";
}
