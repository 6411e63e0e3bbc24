using System.Globalization;
using System.Text.Json.Nodes;

namespace Connectivity.Testing.Fakes.Internal;

/// <summary>Reads a value at a simple path: property names separated by dots, with array indexes (<c>contacts[0].email</c>).</summary>
internal static class JsonPath
{
    public static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            }

            while (bracket >= 0 && node is not null)
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(segment.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new ArgumentException($"'{path}' is not a path like 'contacts[0].email'.", nameof(path));
                }

                node = node is JsonArray array && index < array.Count ? array[index] : null;
                bracket = segment.IndexOf('[', close);
            }
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
}
