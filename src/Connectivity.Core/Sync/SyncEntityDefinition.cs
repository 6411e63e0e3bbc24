using System.Collections.Frozen;
using Connectivity.Mapping;

namespace Connectivity.Sync;

/// <summary>How one entity type flows: senders with their inbound maps, receivers with their writers, reference fields.</summary>
public sealed class SyncEntityDefinition
{
    private readonly FrozenDictionary<string, string[]> _heldFields;
    private readonly FrozenDictionary<string, string[]> _writtenFields;

    internal SyncEntityDefinition(
        string entityType,
        IReadOnlyDictionary<string, CompiledMap> sources,
        IReadOnlyDictionary<string, string> destinations,
        IReadOnlyDictionary<string, CompiledMap> outboundMaps,
        IReadOnlyDictionary<string, string> references)
    {
        EntityType = entityType;
        Sources = sources.ToFrozenDictionary(StringComparer.Ordinal);
        Destinations = destinations.ToFrozenDictionary(StringComparer.Ordinal);
        References = references.ToFrozenDictionary(StringComparer.Ordinal);
        _heldFields = Sources.ToFrozenDictionary(
            static s => s.Key,
            static s => s.Value.Explain().Fields.Select(static f => f.TargetPath).Distinct(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        _writtenFields = outboundMaps.ToFrozenDictionary(
            static s => s.Key,
            static s => s.Value.Explain().Fields.SelectMany(static f => f.SourcePaths).Where(static p => !p.StartsWith('(')).Distinct(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Gets the entity type.</summary>
    public string EntityType { get; }

    /// <summary>Gets the systems that send the entity, with the map from each one's payload to canonical JSON.</summary>
    public IReadOnlyDictionary<string, CompiledMap> Sources { get; }

    /// <summary>Gets the systems that receive the entity, with the destination name of the writer for each.</summary>
    public IReadOnlyDictionary<string, string> Destinations { get; }

    /// <summary>Gets the reference fields (canonical path to the entity type it names).</summary>
    public IReadOnlyDictionary<string, string> References { get; }

    /// <summary>
    /// Gets the canonical field paths <paramref name="system"/> holds — the leaf target paths of its inbound map, array elements as
    /// <c>[]</c> or <c>[n]</c> — or <see langword="null"/> when the system does not send this entity.
    /// </summary>
    /// <param name="system">The system.</param>
    /// <returns>The paths, or <see langword="null"/>.</returns>
    public IReadOnlyList<string>? GetHeldFields(string system) => _heldFields.GetValueOrDefault(system);

    /// <summary>
    /// Gets the canonical field paths <paramref name="system"/> receives — the source paths of the outbound map declared with
    /// <see cref="SyncEntityBuilder.To"/> — or <see langword="null"/> when no outbound map was declared (everything may be sent).
    /// </summary>
    /// <param name="system">The system.</param>
    /// <returns>The paths, or <see langword="null"/>.</returns>
    public IReadOnlyList<string>? GetWrittenFields(string system) => _writtenFields.GetValueOrDefault(system);

    /// <inheritdoc />
    public override string ToString()
        => $"{EntityType}: from {string.Join(", ", Sources.Keys)} to {string.Join(", ", Destinations.Keys)}";
}
