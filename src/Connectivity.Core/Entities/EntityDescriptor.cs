using System.Collections.Frozen;
using Ardalis.GuardClauses;
using Connectivity.Lifecycle;

namespace Connectivity.Entities;

/// <summary>
/// What the engines need to know about an entity type without knowing its .NET type: its name, the
/// JSON paths of its fields, its lifecycle and where the envelope fields (stage, version, modification
/// time) live in its JSON. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Field paths use the canonical JSON spelling: <c>name</c>, <c>creditLimit.amount</c>, and
/// <c>lines[*].amount</c> for the members of array elements. A path ending in <c>.*</c> is open: any
/// path below it is a known field (dictionaries such as <c>customFields</c>).
/// </remarks>
public sealed class EntityDescriptor
{
    /// <summary>Initializes a new instance of the <see cref="EntityDescriptor"/> class.</summary>
    /// <param name="name">The entity name, for example <c>customer</c>.</param>
    /// <param name="fieldPaths">Every field path of the entity, objects and their members alike.</param>
    /// <param name="lifecycle">The entity's lifecycle.</param>
    /// <param name="stageField">The top-level property that holds the lifecycle stage.</param>
    /// <param name="versionField">The top-level property that holds a version number, if any.</param>
    /// <param name="modifiedAtField">The top-level property that holds the last modification time, if any.</param>
    /// <param name="ignoredFields">Top-level properties that change detection skips (ids, timestamps, versions).</param>
    /// <exception cref="ArgumentNullException">An argument other than the optional fields is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="stageField"/> is empty or white space.</exception>
    public EntityDescriptor(
        string name,
        IEnumerable<string> fieldPaths,
        LifecycleDefinition lifecycle,
        string stageField = "stage",
        string? versionField = "version",
        string? modifiedAtField = "modifiedAt",
        IEnumerable<string>? ignoredFields = null)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(fieldPaths);
        Lifecycle = Guard.Against.Null(lifecycle);
        StageField = Guard.Against.NullOrWhiteSpace(stageField);
        VersionField = versionField;
        ModifiedAtField = modifiedAtField;
        FieldPaths = [.. fieldPaths.Distinct(StringComparer.Ordinal)];
        IgnoredFields = (ignoredFields ?? []).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Gets the entity name, as policies and maps spell it.</summary>
    public string Name { get; }

    /// <summary>Gets every known field path, objects and their members alike.</summary>
    public IReadOnlyList<string> FieldPaths { get; }

    /// <summary>Gets the entity's lifecycle.</summary>
    public LifecycleDefinition Lifecycle { get; }

    /// <summary>Gets the top-level property that holds the lifecycle stage.</summary>
    public string StageField { get; }

    /// <summary>Gets the top-level property that holds a version number, or <see langword="null"/>.</summary>
    public string? VersionField { get; }

    /// <summary>Gets the top-level property that holds the last modification time, or <see langword="null"/>.</summary>
    public string? ModifiedAtField { get; }

    /// <summary>Gets the top-level properties that change detection skips.</summary>
    public IReadOnlySet<string> IgnoredFields { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
