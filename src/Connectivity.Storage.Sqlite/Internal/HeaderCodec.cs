using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Connectivity.Storage.Sqlite.Internal;

/// <summary>Headers are stored as a flat JSON object of strings.</summary>
internal static class HeaderCodec
{
    public static string? Encode(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, string>? Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            headers[name] = reader.GetString() ?? string.Empty;
        }

        return headers;
    }
}
