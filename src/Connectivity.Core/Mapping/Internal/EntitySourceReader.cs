using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Connectivity.Mapping.Internal;

/// <summary>
/// Captures an entity's values into a map's source slots through the entity's System.Text.Json metadata
/// (<see cref="JsonPropertyInfo.Get"/>), walking only the paths the map reads, instead of serializing the entity and
/// reading the JSON back. Each captured value is what <see cref="SourceReader"/> would have captured from the serialized
/// entity: strings and numbers as their text in <see cref="RecordState.EntityBuffer"/> (the evaluation input), objects
/// and arrays as entity values whose JSON is written only if a rule asks for it. Built once per map and entity type.
/// </summary>
internal sealed class EntitySourceReader
{
    private readonly NodeReader _root;

    private EntitySourceReader(NodeReader root) => _root = root;

    /// <summary>
    /// Plans the reading; null when the entity must take the JSON path: the map keeps unmapped fields, or the metadata
    /// writes something the reader does not repeat (a host's converter on a property, a converter for an object the map
    /// reads into, polymorphism, extension data, serialization callbacks, ignore conditions other than nulls, number
    /// handling, a dictionary key policy, or a value the map reads into that only its converter can write).
    /// </summary>
    public static EntitySourceReader? TryCreate(MapProgram program, JsonTypeInfo typeInfo)
    {
        var options = typeInfo.Options;
        if (program.CaptureUnmapped
            || options.DefaultIgnoreCondition is not (JsonIgnoreCondition.Never or JsonIgnoreCondition.WhenWritingNull)
            || options.IgnoreReadOnlyProperties || options.IgnoreReadOnlyFields
            || options.NumberHandling != JsonNumberHandling.Strict
            || options.DictionaryKeyPolicy is not null)
        {
            return null;
        }

        return NodeReader.TryCreate(program.Trie.Root, typeInfo) is ObjectNodeReader root ? new EntitySourceReader(root) : null;
    }

    public void Read(object entity, RecordState state) => _root.Read(entity, 0, state);
}

/// <summary>Captures the value at one trie node and reads below it.</summary>
internal abstract class NodeReader(SourceNode node)
{
    protected SourceNode Node { get; } = node;

    public static NodeReader? TryCreate(SourceNode node, JsonTypeInfo typeInfo)
    {
        var hasChildren = node.Properties.Length > 0 || node.Element is not null;
        if (!EntityBinder.IsBuiltIn(typeInfo.Converter) || typeInfo.NumberHandling is not null || typeInfo.PolymorphismOptions is not null)
        {
            // Only the converter knows what it writes: fine for a value the map reads as a whole, not for one it reads into.
            return hasChildren ? null : new ScalarNodeReader(node, typeInfo);
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                return ObjectNodeReader.TryCreateObject(node, typeInfo);
            case JsonTypeInfoKind.Enumerable when typeInfo.ElementType is { } element:
                if (node.Element is null)
                {
                    return new ScalarNodeReader(node, typeInfo);
                }

                return TryCreate(node.Element, typeInfo.Options.GetTypeInfo(element)) is { } elementReader
                    ? new ListNodeReader(node, typeInfo, elementReader)
                    : null;
            case JsonTypeInfoKind.Dictionary when typeInfo.KeyType == typeof(string) && typeInfo.ElementType is { } element:
                if (node.Properties.Length == 0)
                {
                    return new ScalarNodeReader(node, typeInfo);
                }

                var elementType = typeInfo.Options.GetTypeInfo(element);
                var children = new Dictionary<string, NodeReader>(StringComparer.Ordinal);
                foreach (var child in node.Properties)
                {
                    if (TryCreate(child, elementType) is not { } childReader)
                    {
                        return null;
                    }

                    children[child.Name] = childReader;
                }

                return new DictionaryNodeReader(node, typeInfo, children);
            case JsonTypeInfoKind.None when !hasChildren:
                return new ScalarNodeReader(node, typeInfo);
            default:
                return null;
        }
    }

    public abstract void Read(object? value, int frame, RecordState state);

    /// <summary>Captures a value into the node's slot, as <see cref="SourceReader"/> would capture its JSON.</summary>
    protected void Capture(MapValue value, int frame, RecordState state)
    {
        if (Node.Slot < 0)
        {
            return;
        }

        state.Slots[state.Frames[frame].SlotOffset + Node.Slot] = value;
    }
}

/// <summary>An object: captured as an entity value; the properties the map reads below it are read with their getters.</summary>
internal sealed class ObjectNodeReader : NodeReader
{
    private readonly JsonTypeInfo _typeInfo;
    private readonly (JsonPropertyInfo Property, NodeReader Reader)[] _children;
    private readonly bool _skipNulls;

    private ObjectNodeReader(SourceNode node, JsonTypeInfo typeInfo, (JsonPropertyInfo, NodeReader)[] children)
        : base(node)
    {
        _typeInfo = typeInfo;
        _children = children;
        _skipNulls = typeInfo.Options.DefaultIgnoreCondition == JsonIgnoreCondition.WhenWritingNull;
    }

    public static ObjectNodeReader? TryCreateObject(SourceNode node, JsonTypeInfo typeInfo)
    {
        if (typeInfo.OnSerializing is not null || typeInfo.OnSerialized is not null
            || typeInfo.Properties.Any(static p => p.IsExtensionData || p.CustomConverter is not null || p.NumberHandling is not null || HasIgnoreAttribute(p)))
        {
            return null;
        }

        var children = new List<(JsonPropertyInfo, NodeReader)>();
        foreach (var child in node.Properties)
        {
            var property = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, child.Name, StringComparison.Ordinal));
            if (property?.Get is null)
            {
                // Not written, so never in the JSON: the map sees the path as absent.
                continue;
            }

            if (TryCreate(child, typeInfo.Options.GetTypeInfo(property.PropertyType)) is not { } reader)
            {
                return null;
            }

            children.Add((property, reader));
        }

        return new ObjectNodeReader(node, typeInfo, [.. children]);
    }

    public override void Read(object? value, int frame, RecordState state)
    {
        if (value is null)
        {
            Capture(MapValue.Null, frame, state);
            return;
        }

        if (Node.Slot >= 0)
        {
            Capture(state.AddEntityValue(ValueKind.Object, value, _typeInfo), frame, state);
        }

        foreach (var (property, reader) in _children)
        {
            var child = property.Get!(value);
            if (child is null && _skipNulls)
            {
                continue;
            }

            reader.Read(child, frame, state);
        }
    }

    // A property's own [JsonIgnore(Condition = ...)] is not in the public metadata; such a type takes the JSON path.
    private static bool HasIgnoreAttribute(JsonPropertyInfo property)
        => property.AttributeProvider?.IsDefined(typeof(JsonIgnoreAttribute), inherit: true) ?? false;
}

/// <summary>A list or array the map reads element by element: one frame per element, as <see cref="SourceReader"/> opens them.</summary>
internal sealed class ListNodeReader(SourceNode node, JsonTypeInfo typeInfo, NodeReader element) : NodeReader(node)
{
    public override void Read(object? value, int frame, RecordState state)
    {
        if (value is null)
        {
            Capture(MapValue.Null, frame, state);
            return;
        }

        if (Node.Slot >= 0)
        {
            Capture(state.AddEntityValue(ValueKind.Array, value, typeInfo), frame, state);
        }

        var scope = Node.Element!.Scope;
        var slotCount = state.ScopeSlotCounts[scope];
        if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                element.Read(list[i], state.AddFrame(frame, scope, i, slotCount), state);
            }

            return;
        }

        var index = 0;
        foreach (var item in (IEnumerable)value)
        {
            element.Read(item, state.AddFrame(frame, scope, index++, slotCount), state);
        }
    }
}

/// <summary>A string-keyed dictionary: written as an object, so the map reads its entries by key.</summary>
internal sealed class DictionaryNodeReader(SourceNode node, JsonTypeInfo typeInfo, Dictionary<string, NodeReader> children) : NodeReader(node)
{
    public override void Read(object? value, int frame, RecordState state)
    {
        if (value is null)
        {
            Capture(MapValue.Null, frame, state);
            return;
        }

        if (Node.Slot >= 0)
        {
            Capture(state.AddEntityValue(ValueKind.Object, value, typeInfo), frame, state);
        }

        var entries = ((IDictionary)value).GetEnumerator();
        while (entries.MoveNext())
        {
            if (entries.Key is string key && children.TryGetValue(key, out var reader))
            {
                reader.Read(entries.Value, frame, state);
            }
        }
    }
}

/// <summary>
/// A value the map reads as a whole. Strings, booleans and numbers of System.Text.Json's own converters are captured
/// directly (the text those converters write); anything else is written with its metadata and the written token captured.
/// </summary>
internal sealed class ScalarNodeReader : NodeReader
{
    private readonly JsonTypeInfo _typeInfo;
    private readonly ScalarKind _kind;
    private readonly EnumNames? _enumNames;

    public ScalarNodeReader(SourceNode node, JsonTypeInfo typeInfo)
        : base(node)
    {
        _enumNames = EnumNames.TryCreate(typeInfo);
        _typeInfo = typeInfo;
        var type = typeInfo.Type;
        _kind = !EntityBinder.IsBuiltIn(typeInfo.Converter) || typeInfo.PolymorphismOptions is not null ? ScalarKind.Written
            : typeInfo.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary ? ScalarKind.Object
            : typeInfo.Kind == JsonTypeInfoKind.Enumerable ? ScalarKind.Array
            : typeInfo.Kind != JsonTypeInfoKind.None ? ScalarKind.Written
            : type == typeof(string) ? ScalarKind.String
            : type == typeof(bool) ? ScalarKind.Boolean
            : type == typeof(decimal) ? ScalarKind.Decimal
            : type == typeof(long) ? ScalarKind.Int64
            : type == typeof(int) ? ScalarKind.Int32
            : type == typeof(DateTimeOffset) ? ScalarKind.DateTimeOffset
            : type == typeof(JsonElement) ? ScalarKind.JsonElement
            : ScalarKind.Written;
    }

    private enum ScalarKind
    {
        Written,
        Object,
        Array,
        String,
        Boolean,
        Decimal,
        Int64,
        Int32,
        DateTimeOffset,
        JsonElement,
    }

    public override void Read(object? value, int frame, RecordState state)
    {
        if (Node.Slot >= 0)
        {
            Capture(value is null ? MapValue.Null : ToMapValue(value, state), frame, state);
        }
    }

    private MapValue ToMapValue(object value, RecordState state)
    {
        var buffer = state.EntityBuffer;
        var start = buffer.WrittenCount;
        switch (_kind)
        {
            case ScalarKind.String:
                var text = (string)value;
                var written = Encoding.UTF8.GetBytes(text, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
                buffer.Advance(written);
                return new MapValue(ValueKind.String, ValueStore.Input, start, written);
            case ScalarKind.Object:
                return state.AddEntityValue(ValueKind.Object, value, _typeInfo);
            case ScalarKind.Array:
                return state.AddEntityValue(ValueKind.Array, value, _typeInfo);
            case ScalarKind.Boolean:
                return MapValue.Boolean((bool)value);
            case ScalarKind.Decimal:
                return Number(buffer, start, Utf8Formatter.TryFormat((decimal)value, buffer.GetSpan(64), out written) ? written : -1);
            case ScalarKind.Int64:
                return Number(buffer, start, Utf8Formatter.TryFormat((long)value, buffer.GetSpan(32), out written) ? written : -1);
            case ScalarKind.Int32:
                return Number(buffer, start, Utf8Formatter.TryFormat((int)value, buffer.GetSpan(32), out written) ? written : -1);
            case ScalarKind.DateTimeOffset:
                // The text System.Text.Json's converter writes (round-trip form, fraction trimmed), remembered with its value.
                var time = (DateTimeOffset)value;
                var iso = new MapValue(ValueKind.String, ValueStore.Input, start, ValueText.FormatIso(time, dateOnly: false, buffer.GetSpan(64)));
                buffer.Advance(iso.Length);
                state.RememberIsoDate(iso, time);
                return iso;
            case ScalarKind.JsonElement:
                // What the converter does, without the serializer around it.
                state.EntityWriter.Reset(buffer);
                ((JsonElement)value).WriteTo(state.EntityWriter);
                state.EntityWriter.Flush();
                return Token(state, start);
            default:
                if (_enumNames?.Written(value) is { } name)
                {
                    // What the converter writes for a named member, without the converter.
                    name.CopyTo(buffer.GetSpan(name.Length));
                    buffer.Advance(name.Length);
                    return Token(state, start);
                }

                state.EntityWriter.Reset(buffer);
                JsonSerializer.Serialize(state.EntityWriter, value, _typeInfo);
                state.EntityWriter.Flush();
                return Token(state, start);
        }
    }

    private static MapValue Number(ArrayBufferWriter<byte> buffer, int start, int written)
    {
        buffer.Advance(written);
        return new MapValue(ValueKind.Number, ValueStore.Input, start, written);
    }

    /// <summary>Captures the one JSON value written at <paramref name="start"/>, as <see cref="SourceReader"/> would.</summary>
    private static MapValue Token(RecordState state, int start)
    {
        var json = state.EntityBuffer.WrittenSpan[start..];
        switch (json[0])
        {
            case (byte)'"':
                if (json.IndexOf((byte)'\\') < 0)
                {
                    return new MapValue(ValueKind.String, ValueStore.Input, start + 1, json.Length - 2);
                }

                var reader = new Utf8JsonReader(json);
                reader.Read();
                var span = state.ReserveScratch(reader.ValueSpan.Length, out var at);
                var written = reader.CopyString(span);
                state.TrimScratch(at, written);
                return new MapValue(ValueKind.String, ValueStore.Scratch, at, written);
            case (byte)'{':
                return new MapValue(ValueKind.Object, ValueStore.Input, start, json.Length);
            case (byte)'[':
                return new MapValue(ValueKind.Array, ValueStore.Input, start, json.Length);
            case (byte)'t':
                return MapValue.True;
            case (byte)'f':
                return MapValue.False;
            case (byte)'n':
                return MapValue.Null;
            default:
                return new MapValue(ValueKind.Number, ValueStore.Input, start, json.Length);
        }
    }
}
