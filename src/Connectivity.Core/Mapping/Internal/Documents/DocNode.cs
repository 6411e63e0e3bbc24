using System.Text.Json;

namespace Connectivity.Mapping.Internal.Documents;

/// <summary>A JSON value of a map document with where it stands, so every load error can name its line and position.</summary>
internal sealed class DocNode
{
    public required JsonTokenType Kind { get; init; }

    public required int Offset { get; init; }

    public string? Text { get; init; }

    public JsonElement Raw { get; init; }

    public List<(string Name, int NameOffset, DocNode Value)> Properties { get; } = [];

    public List<DocNode> Items { get; } = [];

    public bool IsObject => Kind == JsonTokenType.StartObject;

    public bool IsArray => Kind == JsonTokenType.StartArray;

    public bool IsString => Kind == JsonTokenType.String;

    /// <summary>Reads a document into nodes; throws <see cref="JsonException"/> for malformed JSON.</summary>
    public static DocNode Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 64 });
        if (!reader.Read())
        {
            throw new JsonException("The document is empty.");
        }

        var node = ReadValue(ref reader, utf8);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected data after the document at byte {reader.TokenStartIndex}.");
        }

        return node;
    }

    private static DocNode ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new DocNode { Kind = JsonTokenType.StartObject, Offset = offset, Raw = Clone(ref reader, utf8, offset) };
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var nameOffset = (int)reader.TokenStartIndex;
                    reader.Read();
                    obj.Properties.Add((name, nameOffset, ReadValue(ref reader, utf8)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new DocNode { Kind = JsonTokenType.StartArray, Offset = offset, Raw = Clone(ref reader, utf8, offset) };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, utf8));
                }

                return array;
            default:
                var copy = reader;
                using (var document = JsonDocument.ParseValue(ref copy))
                {
                    return new DocNode
                    {
                        Kind = reader.TokenType,
                        Offset = offset,
                        Text = reader.TokenType == JsonTokenType.String ? reader.GetString() : System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                        Raw = document.RootElement.Clone(),
                    };
                }
        }
    }

    private static JsonElement Clone(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, int offset)
    {
        var copy = reader;
        using var document = JsonDocument.ParseValue(ref copy);
        return document.RootElement.Clone();
    }
}
