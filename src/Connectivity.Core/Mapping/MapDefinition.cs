namespace Connectivity.Mapping;

/// <summary>
/// What a map does, as data: from which system to which, the field rules, the value maps and the options.
/// Built by <see cref="MapBuilder"/> or loaded from a JSON map document; both give the same
/// immutable definition, which <see cref="MapCompiler"/> turns into a <see cref="CompiledMap"/>.
/// </summary>
public sealed record MapDefinition
{
    /// <summary>Gets the map's name, for example <c>crm-account-to-erp-customer</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the system the payload comes from, for example <c>crm</c>.</summary>
    public string? SourceSystem { get; init; }

    /// <summary>Gets the system or model the output is for, for example <c>erp</c> or <c>canonical</c>.</summary>
    public string? TargetSystem { get; init; }

    /// <summary>Gets the target entity, for example <c>customer</c>, when the map writes an entity (an inbound map); checked against the target model.</summary>
    public string? TargetEntity { get; init; }

    /// <summary>
    /// Gets the source entity, for example <c>customer</c>, when the map reads an entity (an outbound map); checked against the
    /// ownership policy, so a map that would write a field its target system owns at every stage is refused.
    /// </summary>
    public string? SourceEntity { get; init; }

    /// <summary>Gets the options.</summary>
    public MapOptions Options { get; init; } = MapOptions.Default;

    /// <summary>Gets the field rules, in the order fields are written.</summary>
    public required IReadOnlyList<FieldMap> Fields { get; init; }

    /// <summary>Gets the value maps the rules may refer to, by name.</summary>
    public IReadOnlyDictionary<string, ValueMapTable> ValueMaps { get; init; } = new Dictionary<string, ValueMapTable>();
}
