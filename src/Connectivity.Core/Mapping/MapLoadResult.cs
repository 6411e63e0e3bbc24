namespace Connectivity.Mapping;

/// <summary>The outcome of loading a map document: the compiled map, or every problem found, each with its place in the document.</summary>
public sealed class MapLoadResult
{
    internal MapLoadResult(MapDefinition? definition, CompiledMap? map, IReadOnlyList<MapDefinitionError> errors)
    {
        Definition = definition;
        Map = map;
        Errors = errors;
    }

    /// <summary>Gets whether the document loaded and compiled without a problem.</summary>
    public bool Succeeded => Map is not null && Errors.Count == 0;

    /// <summary>Gets the definition read from the document, when it could be read.</summary>
    public MapDefinition? Definition { get; }

    /// <summary>Gets the compiled map, when the document had no problem.</summary>
    public CompiledMap? Map { get; }

    /// <summary>Gets every problem found, in document order, each with its JSON path, line and position.</summary>
    public IReadOnlyList<MapDefinitionError> Errors { get; }
}
