using Ardalis.GuardClauses;
using Connectivity.Mapping;

namespace Connectivity.Sync;

/// <summary>Describes how one entity type flows between systems: which systems send it, which receive it, and which of its fields name other records.</summary>
public sealed class SyncEntityBuilder
{
    private readonly Dictionary<string, CompiledMap> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _destinations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledMap> _outboundMaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _references = new(StringComparer.Ordinal);

    internal SyncEntityBuilder(string entityType) => EntityType = entityType;

    /// <summary>Gets the entity type described.</summary>
    public string EntityType { get; }

    /// <summary>
    /// Declares that <paramref name="system"/> sends this entity, mapped to canonical JSON by <paramref name="inboundMap"/>. The map's
    /// target fields are the fields the system holds: change detection and reconciliation compare those, and only those, for it.
    /// </summary>
    /// <param name="system">The sending system (a system of the ownership policy).</param>
    /// <param name="inboundMap">The map from the system's payload to canonical JSON. Reference fields carry the system's own ids.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="system"/> is empty, or already declared as a source.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SyncEntityBuilder From(string system, CompiledMap inboundMap)
    {
        Guard.Against.NullOrWhiteSpace(system);
        Guard.Against.Null(inboundMap);
        if (!_sources.TryAdd(system, inboundMap))
        {
            throw new ArgumentException($"'{system}' already sends '{EntityType}'.", nameof(system));
        }

        return this;
    }

    /// <summary>
    /// Declares that accepted changes of this entity are written to <paramref name="system"/> through the destination writer named
    /// <paramref name="writerDestination"/> (for example one registered with <c>AddEntityWriter</c>). The flow's messages go to the
    /// outbox destination <see cref="SyncFlowDefinition.DestinationName"/>, whose writer translates ids for the system, waits for parents,
    /// calls that writer, then links the remote id and records the write for the echo guard.
    /// </summary>
    /// <param name="system">The receiving system.</param>
    /// <param name="writerDestination">The destination name of the writer that writes this entity to the system.</param>
    /// <param name="outboundMap">
    /// The writer's outbound map, when known: the canonical fields it reads are what the system receives. Messages then go to the
    /// system only when one of those fields changed, and a write is recorded as the system's base for those fields only — a field
    /// the system holds but is never sent (its own number, say) is not taken for something it dropped.
    /// </param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An argument is empty, or the system is already declared as a destination.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SyncEntityBuilder To(string system, string writerDestination, CompiledMap? outboundMap = null)
    {
        Guard.Against.NullOrWhiteSpace(system);
        Guard.Against.NullOrWhiteSpace(writerDestination);
        if (!_destinations.TryAdd(system, writerDestination))
        {
            throw new ArgumentException($"'{system}' already receives '{EntityType}'.", nameof(system));
        }

        if (outboundMap is not null)
        {
            _outboundMaps.Add(system, outboundMap);
        }

        return this;
    }

    /// <summary>
    /// Declares that the canonical field <paramref name="fieldPath"/> (a property path without indexes, such as <c>customerId</c>)
    /// holds the id of a <paramref name="entityType"/> record. Incoming, the sender's id is replaced by the canonical id (a placeholder id
    /// is created when the parent has not arrived yet); outgoing, the canonical id is replaced by the target's id, and the write waits
    /// until the parent exists in the target (parents before children).
    /// </summary>
    /// <param name="fieldPath">The canonical field path.</param>
    /// <param name="entityType">The entity type the field refers to.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An argument is empty, the path has an index, or it is already declared.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SyncEntityBuilder Reference(string fieldPath, string entityType)
    {
        Guard.Against.NullOrWhiteSpace(fieldPath);
        Guard.Against.NullOrWhiteSpace(entityType);
        if (fieldPath.Contains('[', StringComparison.Ordinal) || fieldPath.StartsWith('.') || fieldPath.EndsWith('.'))
        {
            throw new ArgumentException($"The reference path '{fieldPath}' must be a property path without indexes.", nameof(fieldPath));
        }

        if (!_references.TryAdd(fieldPath, entityType))
        {
            throw new ArgumentException($"'{fieldPath}' of '{EntityType}' is already a reference.", nameof(fieldPath));
        }

        return this;
    }

    internal SyncEntityDefinition Build() => new(EntityType, _sources, _destinations, _outboundMaps, _references);
}
