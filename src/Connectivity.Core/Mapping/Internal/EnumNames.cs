using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Connectivity.Mapping.Internal;

/// <summary>
/// The JSON an enum's members are written as by System.Text.Json's own converter, and the value reading each one back
/// gives, computed once. Only names made of ASCII letters, digits and underscores are kept: no encoder escapes them, so
/// any writer writes them as they are. Lets the binder and the entity reader skip the converter for known members.
/// </summary>
internal sealed class EnumNames
{
    private readonly byte[][] _names;
    private readonly object[] _read;
    private readonly Dictionary<object, byte[]> _written;

    private EnumNames(byte[][] names, object[] read, Dictionary<object, byte[]> written)
    {
        _names = names;
        _read = read;
        _written = written;
    }

    /// <summary>Null when the type is not an enum with System.Text.Json's converter, or no member is written as a plain string.</summary>
    public static EnumNames? TryCreate(JsonTypeInfo typeInfo)
    {
        var type = typeInfo.Type;
        if (!type.IsEnum || typeInfo.Kind != JsonTypeInfoKind.None || !EntityBinder.IsBuiltIn(typeInfo.Converter))
        {
            return null;
        }

        var names = new List<byte[]>();
        var read = new List<object>();
        var written = new Dictionary<object, byte[]>();
        foreach (var underlying in Enum.GetValuesAsUnderlyingType(type))
        {
            var member = Enum.ToObject(type, underlying);
            byte[] json;
            object? value;
            try
            {
                json = JsonSerializer.SerializeToUtf8Bytes(member, typeInfo);
                value = JsonSerializer.Deserialize(json, typeInfo);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                continue;
            }

            if (value is null || !IsPlainString(json) || written.ContainsKey(member))
            {
                continue;
            }

            written[member] = json;
            names.Add(json[1..^1]);
            read.Add(value);
        }

        return names.Count == 0 ? null : new EnumNames([.. names], [.. read], written);
    }

    /// <summary>The value reading <c>"<paramref name="text"/>"</c> gives, or null when the text is not a member's written name.</summary>
    public object? Find(ReadOnlySpan<byte> text)
    {
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (text.SequenceEqual(names[i]))
            {
                return _read[i];
            }
        }

        return null;
    }

    /// <summary>The JSON a member is written as (quotes included), or null for a value that is not a single named member.</summary>
    public byte[]? Written(object value) => _written.GetValueOrDefault(value);

    private static bool IsPlainString(ReadOnlySpan<byte> json)
    {
        if (json.Length < 3 || json[0] != (byte)'"' || json[^1] != (byte)'"')
        {
            return false;
        }

        foreach (var b in json[1..^1])
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b == (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }
}
