using Ardalis.GuardClauses;

namespace Connectivity.ChangeTracking;

/// <summary>A linked record as one system sees it: the system, the entity type and the canonical id.</summary>
public readonly record struct RecordKey
{
    /// <summary>Initializes a new instance of the <see cref="RecordKey"/> struct.</summary>
    /// <param name="system">The system name.</param>
    /// <param name="entityType">The entity name.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public RecordKey(string system, string entityType, string canonicalId)
    {
        System = Guard.Against.NullOrWhiteSpace(system);
        EntityType = Guard.Against.NullOrWhiteSpace(entityType);
        CanonicalId = Guard.Against.NullOrWhiteSpace(canonicalId);
    }

    /// <summary>Gets the system name.</summary>
    public string System { get; }

    /// <summary>Gets the entity name.</summary>
    public string EntityType { get; }

    /// <summary>Gets the canonical id.</summary>
    public string CanonicalId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{System}/{EntityType}/{CanonicalId}";
}
