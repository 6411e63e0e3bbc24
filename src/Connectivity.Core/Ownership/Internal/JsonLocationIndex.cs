using System.Text;
using System.Text.Json;

namespace Connectivity.Ownership.Internal;

/// <summary>Line and position (1-based) of every property and array item of a JSON document, keyed by JSON path.</summary>
internal sealed class JsonLocationIndex
{
    private readonly Dictionary<string, (long Line, long Position)> _locations = new(StringComparer.Ordinal);

    public static JsonLocationIndex Build(ReadOnlySpan<byte> utf8Json)
    {
        var index = new JsonLocationIndex();
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<Frame>();
        long line = 1;
        long lineStart = 0;
        long scanned = 0;

        (long, long) Locate(long offset, ReadOnlySpan<byte> json)
        {
            for (; scanned < offset; scanned++)
            {
                if (json[(int)scanned] == (byte)'\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }

        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    var parent = stack.Peek();
                    parent.PendingName = reader.GetString()!;
                    index._locations[Append(parent.Path, parent.PendingName)] = Locate(reader.TokenStartIndex, utf8Json);
                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                string path;
                if (stack.Count == 0)
                {
                    path = "$";
                }
                else
                {
                    var parent = stack.Peek();
                    if (parent.IsArray)
                    {
                        path = $"{parent.Path}[{parent.NextIndex++}]";
                        index._locations[path] = Locate(reader.TokenStartIndex, utf8Json);
                    }
                    else
                    {
                        path = Append(parent.Path, parent.PendingName!);
                    }
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push(new Frame(path, token == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            // Syntax errors are reported by the deserializer; the locations found so far still help.
        }

        return index;
    }

    public static string Append(string parent, string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '$'))
            {
                return $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
            }
        }

        return new StringBuilder(parent.Length + name.Length + 1).Append(parent).Append('.').Append(name).ToString();
    }

    public bool TryGet(string path, out long line, out long position)
    {
        if (_locations.TryGetValue(path, out var location))
        {
            (line, position) = location;
            return true;
        }

        line = position = 0;
        return false;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string? PendingName { get; set; }
    }
}
