using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>
/// The fields a map may write and their JSON shapes, so a map is checked when it is built: an unknown
/// target field or a value of the wrong type is an error then, not in production. Build it from
/// System.Text.Json metadata of the target type (source-generated metadata works; no reflection on the type).
/// </summary>
public sealed class MapTargetModel
{
    private MapTargetModel(string name, MapTargetField root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>Gets the model's name, for example the entity name.</summary>
    public string Name { get; }

    /// <summary>Gets the root object and, through it, every field.</summary>
    public MapTargetField Root { get; }

    /// <summary>Describes the JSON written for <paramref name="typeInfo"/>'s type.</summary>
    /// <param name="name">The model's name, for example <c>customer</c>.</param>
    /// <param name="typeInfo">System.Text.Json metadata of an object type.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The type is not serialized as a JSON object.</exception>
    public static MapTargetModel FromJsonTypeInfo(string name, JsonTypeInfo typeInfo)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            throw new ArgumentException($"{typeInfo.Type} is not written as a JSON object.", nameof(typeInfo));
        }

        return new MapTargetModel(name, Describe(name, typeInfo.Type, typeInfo.Options, isNullable: false, depth: 0));
    }

    /// <summary>Finds the field at a dotted target path.</summary>
    /// <param name="path">The target path, for example <c>creditLimit.amount</c>.</param>
    /// <param name="field">The field, when found.</param>
    /// <returns><see langword="true"/> when every step of the path is a known field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public bool TryFind(string path, out MapTargetField? field)
    {
        Guard.Against.Null(path);
        field = Root;
        foreach (var segment in Internal.MapPath.Parse(path))
        {
            if (segment.Kind != Internal.PathSegmentKind.Property || !field!.Fields.TryGetValue(segment.Name, out field))
            {
                field = null;
                return false;
            }
        }

        return true;
    }

    private static MapTargetField Describe(string name, Type type, JsonSerializerOptions options, bool isNullable, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            type = underlying;
            isNullable = true;
        }

        if (type == typeof(string))
        {
            return new MapTargetField(name, MapTargetKind.String, isNullable);
        }

        if (type == typeof(bool))
        {
            return new MapTargetField(name, MapTargetKind.Boolean, isNullable);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong))
        {
            return new MapTargetField(name, MapTargetKind.Integer, isNullable);
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return new MapTargetField(name, MapTargetKind.Number, isNullable);
        }

        if (type == typeof(DateOnly))
        {
            return new MapTargetField(name, MapTargetKind.Date, isNullable);
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return new MapTargetField(name, MapTargetKind.DateTime, isNullable);
        }

        if (type.IsEnum)
        {
            return new MapTargetField(name, MapTargetKind.Enumeration, isNullable) { AllowedValues = EnumNames(type, options) };
        }

        if (type == typeof(JsonElement) || depth > 8)
        {
            return new MapTargetField(name, MapTargetKind.Any, true);
        }

        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                var fields = new Dictionary<string, MapTargetField>(StringComparer.Ordinal);
                foreach (var property in info.Properties)
                {
                    fields[property.Name] = Describe(property.Name, property.PropertyType, options, property.IsSetNullable, depth + 1);
                }

                return new MapTargetField(name, MapTargetKind.Object, isNullable) { Fields = fields };
            case JsonTypeInfoKind.Enumerable when info.ElementType is { } elementType:
                var element = Describe(name, elementType, options, isNullable: false, depth + 1);
                return new MapTargetField(name, MapTargetKind.Array, isNullable) { ElementKind = element.Kind, Fields = element.Fields, AllowedValues = element.AllowedValues };
            default:
                return new MapTargetField(name, MapTargetKind.Any, true);
        }
    }

    private static string[] EnumNames(Type enumType, JsonSerializerOptions options)
    {
        // Ask the serializer how each member is written, so naming policies and converters are honoured.
        var values = Enum.GetValuesAsUnderlyingType(enumType);
        var names = new List<string>();
        var info = options.GetTypeInfo(enumType);
        foreach (var value in values)
        {
            var member = Enum.ToObject(enumType, value);
            var json = JsonSerializer.Serialize(member, info);
            if (json.Length > 1 && json[0] == '"')
            {
                names.Add(JsonSerializer.Deserialize(json, Internal.MapJsonContext.Default.String)!);
            }
        }

        return [.. names];
    }
}
