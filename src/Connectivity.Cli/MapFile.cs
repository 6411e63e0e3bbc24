using Connectivity.Canonical;
using Connectivity.Mapping;

namespace Connectivity.Cli;

/// <summary>Loads a map document named on the command line, with the canonical targets, and reports its problems compiler-style.</summary>
internal static class MapFile
{
    /// <summary>Loads and compiles the document.</summary>
    /// <param name="path">The document, as given on the command line.</param>
    /// <returns>The load result, problems included.</returns>
    /// <exception cref="UsageException">The file does not exist or cannot be read.</exception>
    public static MapLoadResult Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"map document '{path}' is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"map document '{path}' does not exist.");
        }

        try
        {
            return MapDocumentLoader.LoadFile(path, new MapCompilerOptions().AddCanonicalTargets());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"map document '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Writes each problem on its own line as <c>file(line,col): CODE path: message</c>.</summary>
    /// <param name="path">The document, as given on the command line.</param>
    /// <param name="errors">The problems.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteProblems(string path, IReadOnlyList<MapDefinitionError> errors, TextWriter writer)
    {
        foreach (var error in errors)
        {
            writer.WriteLine(Format(path, error));
        }
    }

    /// <summary>Formats one problem the way compilers do, so editors and CI annotate the line.</summary>
    /// <param name="path">The document.</param>
    /// <param name="error">The problem.</param>
    /// <returns>The line.</returns>
    public static string Format(string path, MapDefinitionError error)
        => error.LineNumber > 0
            ? $"{path}({error.LineNumber},{error.LinePosition}): {error.Code} {error.Path}: {error.Message}"
            : $"{path}: {error.Code} {error.Path}: {error.Message}";

    /// <summary>Describes a loaded map in a few words: name, systems, entity.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The description.</returns>
    public static string Describe(MapDefinition definition)
    {
        var systems = definition.SourceSystem is null && definition.TargetSystem is null
            ? string.Empty
            : $" ({definition.SourceSystem ?? "?"} -> {definition.TargetSystem ?? "?"}{(definition.TargetEntity is null ? string.Empty : " " + definition.TargetEntity)})";
        return $"map '{definition.Name}'{systems}";
    }
}
