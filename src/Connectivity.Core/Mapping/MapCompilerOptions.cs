namespace Connectivity.Mapping;

/// <summary>What a map is compiled against: host functions, the target model and shared value maps.</summary>
public sealed class MapCompilerOptions
{
    /// <summary>Gets or sets the functions maps may call.</summary>
    /// <value>The default value is an empty registry.</value>
    public MapFunctionRegistry Functions { get; set; } = new();

    /// <summary>Gets or sets the model of the target, so unknown fields and type mismatches are found when the map is built.</summary>
    /// <value>The default value is <see langword="null"/>: any target field is accepted.</value>
    public MapTargetModel? Target { get; set; }

    /// <summary>
    /// Gets or sets target models by entity name; a map naming a target entity (<see cref="MapDefinition.TargetEntity"/>)
    /// is checked against the model of that name when <see cref="Target"/> is not set.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IDictionary<string, MapTargetModel> Targets { get; set; } = new Dictionary<string, MapTargetModel>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the ownership policy outbound maps are checked against: a map reading <see cref="MapDefinition.SourceEntity"/>
    /// that writes to a system a field that system owns at every stage is refused, naming the field and the owner.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no ownership check.</value>
    public Ownership.OwnershipPolicy? Ownership { get; set; }

    /// <summary>Gets or sets value maps shared by name across maps; a map's own value maps take precedence.</summary>
    /// <value>The default value is empty.</value>
    public IDictionary<string, ValueMapTable> SharedValueMaps { get; set; } = new Dictionary<string, ValueMapTable>(StringComparer.Ordinal);

    /// <summary>Gets or sets the deepest nesting a record may have; deeper records fail with <see cref="MappingErrorCodes.MalformedRecord"/>.</summary>
    /// <value>The default value is 64.</value>
    public int MaxDepth { get; set; } = MapConstants.DefaultMaxDepth;
}
