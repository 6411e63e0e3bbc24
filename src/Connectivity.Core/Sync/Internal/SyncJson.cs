using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectivity.Sync.Internal;

/// <summary>Small edits of canonical JSON records the flow needs: property paths, projection onto held fields.</summary>
internal static class SyncJson
{
    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8Json, string what)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8Json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{what} is not valid JSON: {exception.Message}", exception);
        }

        return node as JsonObject ?? throw new FormatException($"{what} is not a JSON object.");
    }

    /// <summary>Reads the string (or number) at a property path; null when absent, null or empty.</summary>
    public static string? GetString(JsonObject root, string path)
    {
        var node = Find(root, path);
        if (node is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static void SetString(JsonObject root, string path, string value) => SetNode(root, path, JsonValue.Create(value));

    public static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Copies the properties of <paramref name="root"/> at or below <paramref name="paths"/> (property paths, indexes cut off).</summary>
    public static JsonObject Project(JsonObject root, IReadOnlyList<string> paths)
    {
        var projected = new JsonObject();
        foreach (var path in paths)
        {
            var cut = path.IndexOf('[', StringComparison.Ordinal);
            var propertyPath = cut < 0 ? path : path[..cut];
            if (Find(root, propertyPath) is { } node)
            {
                SetNode(projected, propertyPath, node.DeepClone());
            }
        }

        return projected;
    }

    public static byte[] ToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, SyncJsonContext.Default.JsonNode);

    public static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node, SyncJsonContext.Default.JsonNode);

    private static void SetNode(JsonObject root, string path, JsonNode value)
    {
        var segments = path.Split('.');
        var node = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (node[segments[i]] is not JsonObject child)
            {
                child = [];
                node[segments[i]] = child;
            }

            node = child;
        }

        node[segments[^1]] = value;
    }
}
