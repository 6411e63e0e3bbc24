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

    public static void Remove(JsonObject root, string path)
    {
        var cut = path.LastIndexOf('.');
        if ((cut < 0 ? root : Find(root, path[..cut])) is JsonObject parent)
        {
            parent.Remove(cut < 0 ? path : path[(cut + 1)..]);
        }
    }

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

    /// <summary>
    /// Copies the parts of <paramref name="root"/> at <paramref name="paths"/>: property paths whose array steps (<c>[]</c>, <c>[n]</c>, <c>[*]</c>)
    /// each stand for every element, so <c>lines[].amount</c> keeps the amount of every line and nothing else of it.
    /// </summary>
    public static JsonObject Project(JsonObject root, IReadOnlyList<string> paths)
    {
        JsonNode? projected = new JsonObject();
        foreach (var path in paths)
        {
            CopyInto(root, ref projected, Segments(path));
        }

        return (JsonObject)projected!;
    }

    /// <summary>Whether a concrete leaf path (<c>lines[3].amount</c>) is at or below one of <paramref name="paths"/> (indexes as <c>[]</c>, <c>[n]</c> or <c>[*]</c>).</summary>
    public static bool Covers(IReadOnlyList<string> paths, string path)
    {
        var leaf = Segments(path);
        foreach (var candidate in paths)
        {
            var prefix = Segments(candidate);
            if (prefix.Length <= leaf.Length && prefix.AsSpan().SequenceEqual(leaf.AsSpan(0, prefix.Length)))
            {
                return true;
            }
        }

        return false;
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

    private static string[] Segments(string path)
    {
        var segments = new List<string>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                segments.Add(part);
                continue;
            }

            if (bracket > 0)
            {
                segments.Add(part[..bracket]);
            }

            // One "*" per bracket pair: x[0][1] is two array steps.
            segments.AddRange(Enumerable.Repeat("[*]", part.Count(static c => c == '[')));
        }

        return [.. segments];
    }

    private static void CopyInto(JsonNode? source, ref JsonNode? target, ReadOnlySpan<string> segments)
    {
        if (source is null)
        {
            return;
        }

        if (segments.IsEmpty)
        {
            target = source.DeepClone();
            return;
        }

        if (segments[0] == "[*]")
        {
            if (source is not JsonArray array)
            {
                return;
            }

            if (target is not JsonArray copy)
            {
                copy = [];
                target = copy;
            }

            while (copy.Count < array.Count)
            {
                copy.Add(null);
            }

            for (var i = 0; i < array.Count; i++)
            {
                var element = copy[i];
                CopyInto(array[i], ref element, segments[1..]);
                if (!ReferenceEquals(element, copy[i]))
                {
                    copy[i] = element;
                }
            }

            return;
        }

        if (source is not JsonObject obj || !obj.TryGetPropertyValue(segments[0], out var child) || child is null)
        {
            return;
        }

        if (target is not JsonObject into)
        {
            into = [];
            target = into;
        }

        var existing = into[segments[0]];
        CopyInto(child, ref existing, segments[1..]);
        if (existing is not null && !ReferenceEquals(existing, into[segments[0]]))
        {
            into[segments[0]] = existing;
        }
    }
}
