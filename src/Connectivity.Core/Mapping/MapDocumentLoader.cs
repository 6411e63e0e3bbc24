using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Mapping.Internal;
using Connectivity.Mapping.Internal.Documents;

namespace Connectivity.Mapping;

/// <summary>
/// Loads JSON map documents, the form an operations team edits without a rebuild. A document gives the same
/// <see cref="MapDefinition"/> as <see cref="MapBuilder"/>; loading reports every problem at once, each with
/// its line, position, JSON path and a stable code. The document format is described by
/// <c>docs/schemas/map-document.schema.json</c>.
/// </summary>
public static class MapDocumentLoader
{
    /// <summary>Loads and compiles a map document.</summary>
    /// <param name="utf8Json">The document, UTF-8 JSON.</param>
    /// <param name="options">Functions, target models and shared value maps the document may use.</param>
    /// <returns>The compiled map, or every problem found.</returns>
    public static MapLoadResult Load(ReadOnlySpan<byte> utf8Json, MapCompilerOptions? options = null)
    {
        options ??= new MapCompilerOptions();
        var errors = new List<MapDefinitionError>();
        DocNode root;
        try
        {
            root = DocNode.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var position = (int)(ex.BytePositionInLine ?? 0) + 1;
            return new MapLoadResult(null, null, [new MapDefinitionError(MappingErrorCodes.DocumentSyntax, ex.Path ?? "$", $"the document is not valid JSON: {ex.Message}") { LineNumber = line, LinePosition = position }]);
        }

        var reader = new MapDocumentReader(utf8Json, errors);
        var definition = reader.Read(root);
        if (definition is null || errors.Count > 0)
        {
            return new MapLoadResult(definition, null, Sorted(errors));
        }

        var compileErrors = new List<MapDefinitionError>();
        var map = MapCompilation.TryCompile(definition, options, compileErrors);
        errors.AddRange(compileErrors.Select(reader.Locate));
        return new MapLoadResult(definition, errors.Count == 0 ? map : null, Sorted(errors));
    }

    /// <summary>Loads and compiles a map document given as text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">Functions, target models and shared value maps the document may use.</param>
    /// <returns>The compiled map, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static MapLoadResult LoadText(string json, MapCompilerOptions? options = null)
        => Load(Encoding.UTF8.GetBytes(Guard.Against.Null(json)), options);

    /// <summary>Loads and compiles a map document from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Functions, target models and shared value maps the document may use.</param>
    /// <returns>The compiled map, or every problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static MapLoadResult LoadFile(string path, MapCompilerOptions? options = null)
        => Load(File.ReadAllBytes(Guard.Against.NullOrWhiteSpace(path)), options);

    private static MapDefinitionError[] Sorted(List<MapDefinitionError> errors)
        => [.. errors.OrderBy(static e => e.LineNumber).ThenBy(static e => e.LinePosition)];
}
