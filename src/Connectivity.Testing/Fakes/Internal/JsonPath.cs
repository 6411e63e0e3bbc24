using System.Globalization;
using System.Text.Json.Nodes;

namespace Connectivity.Testing.Fakes.Internal;

/// <summary>Reads a value at a simple path: property names separated by dots, with array indexes (<c>contacts[0].email</c>).</summary>
internal static class JsonPath
{
    public static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (var step in Parse(path))
        {
            node = step switch
            {
                string name => node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null,
                int index => node is JsonArray array && index < array.Count ? array[index] : null,
                _ => null,
            };
        }

        return node;
    }

    /// <summary>Gets the value at <paramref name="path"/> as text (a string as is, anything else as JSON), or <see langword="null"/> when missing or null.</summary>
    public static string? SelectText(JsonNode? node, string path) => Select(node, path) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    /// <summary>Splits a path into property names (<see cref="string"/>) and array indexes (<see cref="int"/>).</summary>
    /// <exception cref="ArgumentException">The path is not a path.</exception>
    public static List<object> Parse(string path)
    {
        var steps = new List<object>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                steps.Add(name);
            }
            else if (bracket != 0)
            {
                throw NotAPath(path);
            }

            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(segment.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw NotAPath(path);
                }

                steps.Add(index);
                bracket = close + 1 == segment.Length ? -1 : segment[close + 1] == '[' ? close + 1 : throw NotAPath(path);
            }
        }

        return steps;
    }

    private static ArgumentException NotAPath(string path) => new($"'{path}' is not a path like 'contacts[0].email'.", nameof(path));
}
