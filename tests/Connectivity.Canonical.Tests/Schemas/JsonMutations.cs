using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connectivity.Canonical.Tests.Schemas;

/// <summary>Applies "remove a.b[1].c; set a.b=json" edits to a JSON document, for building invalid documents.</summary>
internal static partial class JsonMutations
{
    public static void Apply(JsonNode document, string mutations)
    {
        foreach (var mutation in mutations.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (mutation.StartsWith("remove ", StringComparison.Ordinal))
            {
                var (parent, name) = Locate(document, mutation["remove ".Length..]);
                Assert.True(parent.AsObject().Remove(name), $"'{mutation}' removed nothing");
            }
            else if (mutation.StartsWith("set ", StringComparison.Ordinal))
            {
                var assignment = mutation["set ".Length..];
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                var (parent, name) = Locate(document, assignment[..equals]);
                parent.AsObject()[name] = JsonNode.Parse(assignment[(equals + 1)..]);
            }
            else
            {
                throw new ArgumentException($"Unknown mutation '{mutation}'.", nameof(mutations));
            }
        }
    }

    private static (JsonNode Parent, string Name) Locate(JsonNode document, string path)
    {
        var segments = path.Split('.');
        var node = document;
        foreach (var segment in segments[..^1])
        {
            var match = IndexedSegment().Match(segment);
            node = node[match.Groups["name"].Value] ?? throw new ArgumentException($"No '{segment}' in '{path}'.", nameof(path));
            if (match.Groups["index"].Success)
            {
                node = node[int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
            }
        }

        return (node, segments[^1]);
    }

    [GeneratedRegex(@"^(?<name>[^\[]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex IndexedSegment();
}
