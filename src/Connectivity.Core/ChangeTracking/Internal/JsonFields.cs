using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectivity.ChangeTracking.Internal;

/// <summary>A changed leaf field: its concrete path and the values at the base and in the incoming record (null = absent).</summary>
internal readonly record struct FieldChange(string Path, JsonElement? Base, JsonElement? Incoming);

/// <summary>Field-level operations over JSON snapshots, addressing fields by concrete path (<c>lines[3].amount</c>). JSON null counts as absent.</summary>
internal static class JsonFields
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static JsonElement? Present(JsonElement element)
        => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : element;

    public static JsonElement? Present(JsonElement? element) => element is { } e ? Present(e) : null;

    public static bool ValueEquals(JsonElement? a, JsonElement? b)
    {
        a = Present(a);
        b = Present(b);
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return JsonElement.DeepEquals(a.Value, b.Value);
    }

    public static JsonElement ParseValue(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    public static byte[] ToUtf8(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lists the leaves that differ between <paramref name="baseRoot"/> and <paramref name="incoming"/>, skipping ignored top-level properties.</summary>
    public static void Diff(JsonElement? baseRoot, JsonElement incoming, IReadOnlySet<string> ignored, List<FieldChange> changes)
    {
        var path = new StringBuilder(64);
        Diff(Present(baseRoot), Present(incoming), path, ignored, changes);
    }

    /// <summary>Lists every present leaf of <paramref name="root"/>, skipping ignored top-level properties.</summary>
    public static void CollectLeaves(JsonElement root, IReadOnlySet<string> ignored, List<FieldChange> leaves)
        => Diff(null, root, ignored, leaves);

    /// <summary>Finds the value at a concrete path; false when absent or null.</summary>
    public static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        var span = path.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (span[i] == '.')
            {
                i++;
                continue;
            }

            if (span[i] == '[')
            {
                var close = span[i..].IndexOf(']') + i;
                if (value.ValueKind != JsonValueKind.Array
                    || !int.TryParse(span[(i + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= value.GetArrayLength())
                {
                    return false;
                }

                value = value[index];
                i = close + 1;
                continue;
            }

            var end = i;
            while (end < span.Length && span[end] is not ('.' or '['))
            {
                end++;
            }

            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(span[i..end], out value))
            {
                return false;
            }

            i = end;
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>Hashes the values of <paramref name="root"/> at <paramref name="paths"/> (FNV-1a, 64 bits), absent values included.</summary>
    public static long Hash(JsonElement root, IReadOnlyList<string> paths)
    {
        var hash = FnvOffset;
        foreach (var path in paths)
        {
            hash = Mix(hash, path);
            hash = Mix(hash, "\0");
            hash = TryGet(root, path, out var value) ? MixValue(hash, value) : Mix(hash, "\u0002");
            hash = Mix(hash, "\u0001");
        }

        return unchecked((long)hash);
    }

    /// <summary>Hashes leaves as collected by <see cref="CollectLeaves"/>.</summary>
    public static long Hash(List<FieldChange> leaves)
    {
        var hash = FnvOffset;
        foreach (var leaf in leaves)
        {
            hash = Mix(hash, leaf.Path);
            hash = Mix(hash, "\0");
            hash = leaf.Incoming is { } value ? MixValue(hash, value) : Mix(hash, "\u0002");
            hash = Mix(hash, "\u0001");
        }

        return unchecked((long)hash);
    }

    /// <summary>Writes <paramref name="source"/> (or an empty object) with the values at the given paths set or, when null, removed.</summary>
    public static byte[] Patch(JsonElement? source, IEnumerable<(string Path, JsonElement? Value)> sets)
    {
        var root = source is { ValueKind: JsonValueKind.Object } s ? JsonObject.Create(s)! : [];
        foreach (var (path, value) in sets)
        {
            Set(root, Connectivity.Ownership.Internal.FieldPath.Parse(path).Segments, Present(value));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            root.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Set(JsonNode root, Connectivity.Ownership.Internal.FieldPathSegment[] segments, JsonElement? value)
    {
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            var nextIsIndex = !last && segments[i + 1].Kind == Connectivity.Ownership.Internal.FieldPathSegmentKind.Index;
            if (segment.Name is { } name)
            {
                var obj = node.AsObject();
                if (last)
                {
                    if (value is null)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        obj[name] = JsonNode.Parse(value.Value.GetRawText());
                    }

                    return;
                }

                if (obj[name] is not { } child || child.GetValueKind() != (nextIsIndex ? JsonValueKind.Array : JsonValueKind.Object))
                {
                    if (value is null)
                    {
                        return;
                    }

                    child = nextIsIndex ? new JsonArray() : new JsonObject();
                    obj[name] = child;
                }

                node = child;
            }
            else
            {
                var array = node.AsArray();
                var index = segment.Index;
                if (index >= array.Count && value is null)
                {
                    return;
                }

                while (array.Count <= index)
                {
                    array.Add(null);
                }

                if (last)
                {
                    array[index] = value is null ? null : JsonNode.Parse(value.Value.GetRawText());
                    return;
                }

                if (array[index] is not { } child || child.GetValueKind() != (nextIsIndex ? JsonValueKind.Array : JsonValueKind.Object))
                {
                    child = nextIsIndex ? new JsonArray() : new JsonObject();
                    array[index] = child;
                }

                node = child;
            }
        }
    }

    private static void Diff(JsonElement? a, JsonElement? b, StringBuilder path, IReadOnlySet<string> ignored, List<FieldChange> changes)
    {
        if (a is null && b is null)
        {
            return;
        }

        var aKind = a?.ValueKind ?? JsonValueKind.Undefined;
        var bKind = b?.ValueKind ?? JsonValueKind.Undefined;
        var top = path.Length == 0;

        if ((aKind is JsonValueKind.Object or JsonValueKind.Undefined) && (bKind is JsonValueKind.Object or JsonValueKind.Undefined))
        {
            if (b is { } bo)
            {
                foreach (var property in bo.EnumerateObject())
                {
                    if (top && ignored.Contains(property.Name))
                    {
                        continue;
                    }

                    JsonElement? av = a is { } ao && ao.TryGetProperty(property.Name, out var found) ? Present(found) : null;
                    Descend(av, Present(property.Value), path, property.Name, ignored, changes);
                }
            }

            if (a is { } aObject)
            {
                foreach (var property in aObject.EnumerateObject())
                {
                    if ((top && ignored.Contains(property.Name)) || (b is { } bObject && bObject.TryGetProperty(property.Name, out _)))
                    {
                        continue;
                    }

                    Descend(Present(property.Value), null, path, property.Name, ignored, changes);
                }
            }

            return;
        }

        if ((aKind is JsonValueKind.Array or JsonValueKind.Undefined) && (bKind is JsonValueKind.Array or JsonValueKind.Undefined))
        {
            var aLength = a?.GetArrayLength() ?? 0;
            var bLength = b?.GetArrayLength() ?? 0;
            var length = path.Length;
            for (var i = 0; i < Math.Max(aLength, bLength); i++)
            {
                path.Append('[').Append(i).Append(']');
                Diff(i < aLength ? Present(a!.Value[i]) : null, i < bLength ? Present(b!.Value[i]) : null, path, ignored, changes);
                path.Length = length;
            }

            return;
        }

        if (a is null || b is null || aKind != bKind || !JsonElement.DeepEquals(a.Value, b.Value))
        {
            changes.Add(new FieldChange(path.ToString(), a, b));
        }
    }

    private static void Descend(JsonElement? a, JsonElement? b, StringBuilder path, string name, IReadOnlySet<string> ignored, List<FieldChange> changes)
    {
        var length = path.Length;
        if (length > 0)
        {
            path.Append('.');
        }

        path.Append(name);
        Diff(a, b, path, ignored, changes);
        path.Length = length;
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    private static ulong MixValue(ulong hash, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Mix(Mix(hash, "s"), value.GetString()!);
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                // 1.0 and 1 are the same value; drop trailing zeros.
                return Mix(Mix(hash, "n"), (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
            default:
                return Mix(Mix(hash, "r"), value.GetRawText());
        }
    }
}
