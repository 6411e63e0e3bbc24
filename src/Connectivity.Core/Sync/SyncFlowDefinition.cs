using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace Connectivity.Sync;

/// <summary>The entity types a <see cref="SyncFlow"/> moves between systems. Immutable; built by <see cref="SyncFlowBuilder"/>.</summary>
public sealed class SyncFlowDefinition
{
    /// <summary>The system name under which the canonical record itself is kept in the <see cref="ChangeTracking.IBaseSnapshotStore"/>.</summary>
    public const string CanonicalSystem = "$canonical";

    /// <summary>The outbox message header that names the entity type.</summary>
    public const string EntityTypeHeader = "connectivity-entity-type";

    /// <summary>The outbox message header that holds the canonical id.</summary>
    public const string CanonicalIdHeader = "connectivity-canonical-id";

    private readonly FrozenDictionary<string, SyncEntityDefinition> _entities;

    internal SyncFlowDefinition(IEnumerable<SyncEntityDefinition> entities)
        => _entities = entities.ToFrozenDictionary(static e => e.EntityType, StringComparer.Ordinal);

    /// <summary>Gets the entity types.</summary>
    public IReadOnlyCollection<SyncEntityDefinition> Entities => _entities.Values;

    /// <summary>Gets the systems that send or receive any entity.</summary>
    public IReadOnlySet<string> Systems => _entities.Values.SelectMany(static e => e.Sources.Keys.Concat(e.Destinations.Keys)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets the outbox destination name of the flow's messages for an entity type and a receiving system.</summary>
    /// <param name="system">The receiving system.</param>
    /// <param name="entityType">The entity type.</param>
    /// <returns><c>sync/{system}/{entityType}</c>.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string DestinationName(string system, string entityType)
        => $"sync/{Guard.Against.NullOrWhiteSpace(system)}/{Guard.Against.NullOrWhiteSpace(entityType)}";

    /// <summary>Finds an entity type's definition.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="entity">The definition, when found.</param>
    /// <returns><see langword="true"/> when the flow moves the entity type.</returns>
    public bool TryGetEntity(string entityType, [NotNullWhen(true)] out SyncEntityDefinition? entity)
        => _entities.TryGetValue(entityType, out entity);

    /// <summary>Gets an entity type's definition.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">The flow does not move the entity type.</exception>
    public SyncEntityDefinition GetEntity(string entityType)
        => TryGetEntity(Guard.Against.Null(entityType), out var entity)
            ? entity
            : throw new ArgumentException($"The sync flow does not move '{entityType}'.", nameof(entityType));
}
