namespace Connectivity.Mapping;

/// <summary>How a map treats source quirks. Immutable; set on the builder or in the map document.</summary>
public sealed record MapOptions
{
    /// <summary>Gets the options every map starts with: no null sentinels, no unwrapping, nulls left out.</summary>
    public static MapOptions Default { get; } = new();

    /// <summary>Gets the sentinels many vendor payloads use for "no value": <c>""</c>, <c>" "</c>, <c>UNKNOWN</c> and the all-zero GUID.</summary>
    public static IReadOnlyList<string> CommonNullSentinels { get; } = ["", " ", "UNKNOWN", "00000000-0000-0000-0000-000000000000"];

    /// <summary>Gets the string values read as null wherever a path is read (ordinal comparison).</summary>
    public IReadOnlyList<string> NullSentinels { get; init; } = [];

    /// <summary>Gets which member of a <c>{ "display_value": ..., "value": ... }</c> object a path reads, when it meets one.</summary>
    public ValueObjectMember UnwrapValueObjects { get; init; } = ValueObjectMember.None;

    /// <summary>
    /// Gets the target object (for example <c>customFields.crm</c>) that receives every top-level source field no
    /// rule reads, unchanged; <see langword="null"/> drops them.
    /// </summary>
    public string? CaptureUnmappedInto { get; init; }

    /// <summary>Gets whether a null value is written to the target (<see langword="true"/>) or the field left out.</summary>
    public bool WriteNulls { get; init; }
}
