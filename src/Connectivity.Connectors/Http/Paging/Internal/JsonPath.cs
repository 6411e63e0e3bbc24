using System.Globalization;
using System.Text.Json;

namespace Connectivity.Connectors.Http.Paging.Internal;

/// <summary>
/// Reads values at dotted paths of a UTF-8 JSON document, forward only. A property name may itself contain dots
/// (<c>@odata.nextLink</c>): at each level the whole remaining path is tried before a prefix.
/// </summary>
internal static class JsonPath
{
    public static string? GetString(ReadOnlySpan<byte> json, string path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!TryNavigate(ref reader, path))
        {
            return null;
        }

        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>The raw UTF-8 of each element of the array at <paramref name="path"/> (the root when <see langword="null"/>).</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> GetArrayElements(ReadOnlyMemory<byte> json, string? path)
    {
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = 256 });
        if (!TryNavigate(ref reader, path ?? string.Empty) || reader.TokenType != JsonTokenType.StartArray)
        {
            return [];
        }

        var elements = new List<ReadOnlyMemory<byte>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            elements.Add(json[start..(int)reader.BytesConsumed]);
        }

        return elements;
    }

    private static bool TryNavigate(ref Utf8JsonReader reader, string path)
    {
        if (!reader.Read())
        {
            return false;
        }

        var remaining = path.AsSpan();
        while (remaining.Length > 0)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var matched = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (remaining.SequenceEqual(name))
                {
                    remaining = default;
                    matched = true;
                    break;
                }

                if (remaining.Length > name.Length && remaining.StartsWith(name, StringComparison.Ordinal) && remaining[name.Length] == '.')
                {
                    remaining = remaining[(name.Length + 1)..];
                    matched = true;
                    break;
                }

                reader.Skip();
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }
}
