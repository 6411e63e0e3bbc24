using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Connectivity.Mapping.Internal;

/// <summary>
/// Builds an entity straight from a map's rules through the entity's System.Text.Json metadata
/// (<see cref="JsonTypeInfo.CreateObject"/>, <see cref="JsonPropertyInfo.Set"/>), instead of writing the target JSON
/// and deserializing it. Built once per map and entity type. A value it cannot bind exactly as System.Text.Json would
/// read the written JSON is not guessed at: the binder sets <see cref="RecordState.BindingAborted"/> and the record
/// takes the JSON path, which also gives the errors of a record that does not map.
/// </summary>
internal sealed class EntityBinder
{
    private readonly ObjectBinder _root;

    private EntityBinder(ObjectBinder root) => _root = root;

    /// <summary>Plans the binding; null when the entity type must take the JSON path (see <see cref="ObjectBinder.TryCreate"/>).</summary>
    public static EntityBinder? TryCreate(MapProgram program, JsonTypeInfo typeInfo)
        => ObjectBinder.TryCreate(program.Root, typeInfo) is { } root ? new EntityBinder(root) : null;

    public object? Bind(ref EvalContext context) => _root.TryBind(ref context, hasName: false, out var entity) ? entity : null;

    /// <summary>Whether a converter is one of System.Text.Json's own, whose reading is known (a host's converter is not).</summary>
    public static bool IsBuiltIn(JsonConverter converter) => converter.GetType().Assembly == typeof(JsonSerializer).Assembly;

    /// <summary>The element metadata of a <see cref="List{T}"/> target, or null when the target is something else.</summary>
    public static JsonTypeInfo? ListElement(JsonTypeInfo typeInfo)
        => typeInfo is { Kind: JsonTypeInfoKind.Enumerable, CreateObject: not null, ElementType: { } element, NumberHandling: null }
            && typeInfo.Type.IsGenericType && typeInfo.Type.GetGenericTypeDefinition() == typeof(List<>) && IsBuiltIn(typeInfo.Converter)
            ? typeInfo.Options.GetTypeInfo(element)
            : null;
}

/// <summary>Evaluates one rule into a CLR value of one target type.</summary>
internal abstract class ValueBinder
{
    /// <summary>Binds the value the rule would write; false when it would write nothing.</summary>
    /// <param name="context">Where the rule evaluates.</param>
    /// <param name="hasName">Whether the value is a property (a null property is left out unless nulls are written) rather than an array element.</param>
    /// <param name="value">The value.</param>
    public abstract bool TryBind(ref EvalContext context, bool hasName, out object? value);

    public static ValueBinder Create(CompiledRule rule, MapTargetKind kind, JsonTypeInfo typeInfo)
    {
        switch (rule)
        {
            case ObjectWriter writer when ObjectBinder.TryCreate(writer, typeInfo) is { } binder:
                return binder;
            case ConditionEval { IsScalar: false } condition:
                return new ConditionBinder(condition, Create(condition.Then, kind, typeInfo), condition.Otherwise is { } otherwise ? Create(otherwise, kind, typeInfo) : null);
            case ArrayWriter array when EntityBinder.ListElement(typeInfo) is { } element:
                return new ListBinder(typeInfo, [.. array.Items.Select(item => Create(item, array.ElementKind, element))], element.Type.IsValueType);
            case EachWriter each when EntityBinder.ListElement(typeInfo) is { } element:
                return new EachBinder(each, typeInfo, Create(each.Element, each.ElementKind, element), element.Type.IsValueType);
            case { IsScalar: true }:
                return new ScalarBinder(rule, kind, ScalarConversion.For(typeInfo));
            default:
                return new FragmentBinder(rule, kind, typeInfo);
        }
    }

    protected static void Abort(ref EvalContext context) => context.State.BindingAborted = true;
}

/// <summary>One property (or dictionary entry) of an <see cref="ObjectBinder"/>.</summary>
internal sealed record PropertyBinding(FieldWriter Field, Action<object, object?> Set, ValueBinder Binder, bool AcceptsNull);

/// <summary>
/// An object target: created with <see cref="JsonTypeInfo.CreateObject"/>, each field set as it would be read. A
/// string-keyed <see cref="Dictionary{TKey, TValue}"/> target (dotted target paths such as
/// <c>customFields.crm.Since</c>) is bound the same way, each field an entry, as System.Text.Json's dictionary
/// converter adds them.
/// </summary>
internal sealed class ObjectBinder : ValueBinder
{
    private readonly ObjectWriter _writer;
    private readonly JsonTypeInfo _typeInfo;
    private readonly Func<object> _create;
    private readonly PropertyBinding[] _properties;

    private ObjectBinder(ObjectWriter writer, JsonTypeInfo typeInfo, Func<object> create, PropertyBinding[] properties)
    {
        _writer = writer;
        _typeInfo = typeInfo;
        _create = create;
        _properties = properties;
    }

    /// <summary>
    /// Plans an object; null when System.Text.Json would read it in a way the binder does not repeat: a host's converter
    /// for the type or one of its written properties, a constructor with parameters, polymorphism, required or extension
    /// data properties, populate handling, per-property number handling, or a written field the type does not have.
    /// </summary>
    public static ObjectBinder? TryCreate(ObjectWriter writer, JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            return TryCreateDictionary(writer, typeInfo);
        }

        if (typeInfo is not { Kind: JsonTypeInfoKind.Object, CreateObject: { } create, PolymorphismOptions: null, NumberHandling: null }
            || typeInfo.PreferredPropertyObjectCreationHandling == JsonObjectCreationHandling.Populate
            || !EntityBinder.IsBuiltIn(typeInfo.Converter)
            || typeInfo.Properties.Any(static p => p.IsRequired || p.IsExtensionData))
        {
            return null;
        }

        var options = typeInfo.Options;
        var properties = new PropertyBinding[writer.Fields.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var field = writer.Fields[i];
            var property = Find(typeInfo, field.Name.Value);
            if (property is not { Set: not null, CustomConverter: null, NumberHandling: null }
                || property.ObjectCreationHandling == JsonObjectCreationHandling.Populate)
            {
                return null;
            }

            var type = property.PropertyType;
            var acceptsNull = type.IsValueType
                ? Nullable.GetUnderlyingType(type) is not null
                : property.IsSetNullable || !options.RespectNullableAnnotations;
            properties[i] = new PropertyBinding(field, property.Set, Create(field.Rule, field.Kind, options.GetTypeInfo(type)), acceptsNull);
        }

        return new ObjectBinder(writer, typeInfo, create, properties);
    }

    /// <summary>
    /// Plans a <see cref="Dictionary{TKey, TValue}"/> with string keys and System.Text.Json's own converter; null for any
    /// other dictionary. Keys are the written names (a key policy applies only when writing); entries are set with the
    /// indexer, as the converter does.
    /// </summary>
    private static ObjectBinder? TryCreateDictionary(ObjectWriter writer, JsonTypeInfo typeInfo)
    {
        if (typeInfo is not { CreateObject: { } create, KeyType: { } keyType, ElementType: { } elementType, PolymorphismOptions: null, NumberHandling: null }
            || keyType != typeof(string)
            || !typeInfo.Type.IsGenericType || typeInfo.Type.GetGenericTypeDefinition() != typeof(Dictionary<,>)
            || !EntityBinder.IsBuiltIn(typeInfo.Converter))
        {
            return null;
        }

        var element = typeInfo.Options.GetTypeInfo(elementType);
        var acceptsNull = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
        var properties = new PropertyBinding[writer.Fields.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var field = writer.Fields[i];
            var key = field.Name.Value;
            properties[i] = new PropertyBinding(field, (target, value) => ((IDictionary)target)[key] = value, Create(field.Rule, field.Kind, element), acceptsNull);
        }

        return new ObjectBinder(writer, typeInfo, create, properties);
    }

    public override bool TryBind(ref EvalContext context, bool hasName, out object? value)
    {
        // Mirrors ObjectWriter.TryWrite: an implied object exists only when a field that reads the source has a value.
        var state = context.State;
        var mark = state.ValueStackTop;
        var saved = context.Target;
        if (_writer.ImplicitGroup && !_writer.IsPresentUpFront(ref context))
        {
            value = null;
            return false;
        }

        var target = _create();
        _typeInfo.OnDeserializing?.Invoke(target);
        var next = mark;
        foreach (var binding in _properties)
        {
            var field = binding.Field;
            context.Target = field.TargetPath;
            var present = _writer.ImplicitGroup && field.Rule.IsScalar
                ? ((ScalarBinder)binding.Binder).TryBindValue(ref context, state.ValueStack[next++], hasName: true, out var property)
                : binding.Binder.TryBind(ref context, hasName: true, out property);
            if (!present)
            {
                continue;
            }

            if (property is null && !binding.AcceptsNull)
            {
                Abort(ref context);
                continue;
            }

            binding.Set(target, property);
        }

        _typeInfo.OnDeserialized?.Invoke(target);
        state.ValueStackTop = mark;
        context.Target = saved;
        value = target;
        return true;
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo typeInfo, string name)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        if (typeInfo.Options.PropertyNameCaseInsensitive)
        {
            foreach (var property in typeInfo.Properties)
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property;
                }
            }
        }

        return null;
    }
}

/// <summary>A structural rule under a condition: binds the branch the condition picks.</summary>
internal sealed class ConditionBinder(ConditionEval rule, ValueBinder then, ValueBinder? otherwise) : ValueBinder
{
    public override bool TryBind(ref EvalContext context, bool hasName, out object? value)
    {
        var branch = rule.Condition.Test(ref context) ? then : otherwise;
        if (branch is null)
        {
            value = null;
            return false;
        }

        return branch.TryBind(ref context, hasName, out value);
    }
}

/// <summary>An array rule (<see cref="ArrayWriter"/>) into a <see cref="List{T}"/>: every item that writes a value is added.</summary>
internal sealed class ListBinder(JsonTypeInfo typeInfo, ValueBinder[] items, bool valueTypeElements) : ValueBinder
{
    public override bool TryBind(ref EvalContext context, bool hasName, out object? value)
    {
        var list = (IList)typeInfo.CreateObject!();
        foreach (var item in items)
        {
            if (item.TryBind(ref context, hasName: false, out var element))
            {
                Add(ref context, list, element, valueTypeElements);
            }
        }

        value = list;
        return true;
    }

    public static void Add(ref EvalContext context, IList list, object? element, bool valueTypeElements)
    {
        if (element is null && valueTypeElements)
        {
            Abort(ref context);
            return;
        }

        list.Add(element);
    }
}

/// <summary>An each rule (<see cref="EachWriter"/>) into a <see cref="List{T}"/>: one element per source element that passes the filter.</summary>
internal sealed class EachBinder(EachWriter each, JsonTypeInfo typeInfo, ValueBinder element, bool valueTypeElements) : ValueBinder
{
    public override bool TryBind(ref EvalContext context, bool hasName, out object? value)
    {
        if (!each.IsPresent(ref context))
        {
            value = null;
            return false;
        }

        var list = (IList)typeInfo.CreateObject!();
        var saved = context.Frame;
        var savedIndex = context.ElementIndex;
        var frame = SlotAccessor.BaseFrame(ref context, each.Rooted, each.BaseScope);
        if (frame >= 0)
        {
            AddElements(ref context, list, frame, 0);
        }

        context.Frame = saved;
        context.ElementIndex = savedIndex;
        value = list;
        return true;
    }

    private void AddElements(ref EvalContext context, IList list, int parent, int step)
    {
        var state = context.State;
        var (scope, index) = each.Steps[step];
        for (var i = parent + 1; i < state.FrameCount; i++)
        {
            var frame = state.Frames[i];
            if (frame.Parent != parent || frame.Scope != scope || (index >= 0 && frame.Index != index))
            {
                continue;
            }

            if (step < each.Steps.Length - 1)
            {
                AddElements(ref context, list, i, step + 1);
                continue;
            }

            context.Frame = i;
            context.ElementIndex = frame.Index;
            if ((each.Where is null || each.Where.Test(ref context)) && element.TryBind(ref context, hasName: false, out var item))
            {
                ListBinder.Add(ref context, list, item, valueTypeElements);
            }
        }
    }
}

/// <summary>A rule with a single value (<see cref="CompiledRule.Evaluate"/>), shaped as <see cref="ValueWriter"/> would write it, then converted.</summary>
internal sealed class ScalarBinder(CompiledRule rule, MapTargetKind kind, ScalarConversion conversion) : ValueBinder
{
    public override bool TryBind(ref EvalContext context, bool hasName, out object? value)
        => TryBindValue(ref context, rule.Evaluate(ref context), hasName, out value);

    public bool TryBindValue(ref EvalContext context, MapValue mapped, bool hasName, out object? value)
    {
        value = null;
        if (mapped.IsAbsent || (mapped.Kind == ValueKind.Null && hasName && !context.Program.WriteNulls))
        {
            return false;
        }

        if (ValueWriter.TryShape(ref context, mapped, kind, rule.SourcePath, out var shaped))
        {
            value = conversion.Convert(ref context, shaped);
        }

        return true;
    }
}

/// <summary>
/// Any other structural rule (for example dotted target paths into a dictionary): the rule writes its JSON, and
/// System.Text.Json reads that one value with the property type's metadata, as it would have inside the whole entity.
/// </summary>
internal sealed class FragmentBinder(CompiledRule rule, MapTargetKind kind, JsonTypeInfo typeInfo) : ValueBinder
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("x");

    public override bool TryBind(ref EvalContext context, bool hasName, out object? value)
    {
        value = null;
        var state = context.State;
        var writer = state.FragmentWriter;
        state.Fragment.ResetWrittenCount();
        writer.Reset(state.Fragment);

        // Written in a container so a null property is left out exactly as in the whole entity: {"x":...} or [...].
        bool present;
        if (hasName)
        {
            writer.WriteStartObject();
            present = rule.TryWrite(ref context, writer, true, Name, kind);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartArray();
            present = rule.TryWrite(ref context, writer, false, default, kind);
            writer.WriteEndArray();
        }

        writer.Flush();
        if (!present)
        {
            return false;
        }

        var json = state.Fragment.WrittenSpan;
        value = ScalarConversion.Deserialize(ref context, hasName ? json[5..^1] : json[1..^1], typeInfo);
        return true;
    }
}

/// <summary>Turns a shaped token into the CLR value System.Text.Json's converter for the target type would read.</summary>
internal abstract class ScalarConversion
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    public abstract object? Convert(ref EvalContext context, MapValue shaped);

    public static ScalarConversion For(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.None && EntityBinder.IsBuiltIn(typeInfo.Converter))
        {
            var type = typeInfo.Type;
            if (type == typeof(string))
            {
                return StringConversion.Instance;
            }

            if (type == typeof(bool))
            {
                return BooleanConversion.Instance;
            }

            if (type == typeof(decimal) || type == typeof(long) || type == typeof(int) || type == typeof(double)
                || type == typeof(DateTimeOffset) || type == typeof(DateTime))
            {
                return new ReaderConversion(type);
            }

            if (type.IsEnum && EnumConversion.TryCreate(typeInfo) is { } enumConversion)
            {
                return enumConversion;
            }
        }

        return new GenericConversion(typeInfo);
    }

    /// <summary>Reads one JSON value with the metadata; any failure sends the record to the JSON path.</summary>
    public static object? Deserialize(ref EvalContext context, ReadOnlySpan<byte> json, JsonTypeInfo typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
#pragma warning disable CA1031 // Whatever the converter throws, the JSON path repeats it and reports (or throws) it as before.
        catch (Exception)
#pragma warning restore CA1031
        {
            context.State.BindingAborted = true;
            return null;
        }
    }

    private sealed class StringConversion : ScalarConversion
    {
        public static readonly StringConversion Instance = new();

        public override object? Convert(ref EvalContext context, MapValue shaped)
        {
            switch (shaped.Kind)
            {
                case ValueKind.String:
                    return Encoding.UTF8.GetString(context.Bytes(shaped));
                case ValueKind.Null:
                    return null;
                default:
                    context.State.BindingAborted = true;
                    return null;
            }
        }
    }

    private sealed class BooleanConversion : ScalarConversion
    {
        public static readonly BooleanConversion Instance = new();

        public override object? Convert(ref EvalContext context, MapValue shaped)
        {
            switch (shaped.Kind)
            {
                case ValueKind.True:
                    return BoxedTrue;
                case ValueKind.False:
                    return BoxedFalse;
                default:
                    context.State.BindingAborted = true;
                    return null;
            }
        }
    }

    /// <summary>
    /// Numbers, dates and times: the token is read with <see cref="Utf8JsonReader"/>'s own getters, which are what
    /// System.Text.Json's converters for these types call (numbers only from numbers: strict number handling is assumed,
    /// and a looser option only accepts more, which sends the record to the JSON path).
    /// </summary>
    private sealed class ReaderConversion(Type type) : ScalarConversion
    {
        private const int MaxText = 128;

        public override object? Convert(ref EvalContext context, MapValue shaped)
        {
            if (type == typeof(DateTimeOffset) && context.State.TryRecallIsoDate(shaped, out var known))
            {
                // The text a toDateTime step wrote for this value (see RecordState.IsoDates).
                return known;
            }

            var bytes = context.Bytes(shaped);
            object? value = null;
            if (shaped.Kind == ValueKind.Number && (type == typeof(decimal) || type == typeof(long) || type == typeof(int) || type == typeof(double)))
            {
                value = Read(bytes);
            }
            else if (shaped.Kind == ValueKind.String && (type == typeof(DateTimeOffset) || type == typeof(DateTime))
                && bytes.Length <= MaxText && bytes.IndexOfAny((byte)'"', (byte)'\\') < 0 && !ContainsControl(bytes))
            {
                Span<byte> quoted = stackalloc byte[MaxText + 2];
                quoted[0] = (byte)'"';
                bytes.CopyTo(quoted[1..]);
                quoted[bytes.Length + 1] = (byte)'"';
                value = Read(quoted[..(bytes.Length + 2)]);
            }

            if (value is null)
            {
                context.State.BindingAborted = true;
            }

            return value;
        }

        private static bool ContainsControl(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0;

        private object? Read(ReadOnlySpan<byte> json)
        {
            try
            {
                var reader = new Utf8JsonReader(json);
                if (!reader.Read() || reader.BytesConsumed != json.Length)
                {
                    return null;
                }

                if (type == typeof(decimal))
                {
                    return reader.TryGetDecimal(out var number) ? number : null;
                }

                if (type == typeof(long))
                {
                    return reader.TryGetInt64(out var number) ? number : null;
                }

                if (type == typeof(int))
                {
                    return reader.TryGetInt32(out var number) ? number : null;
                }

                if (type == typeof(double))
                {
                    return reader.TryGetDouble(out var number) ? number : null;
                }

                if (type == typeof(DateTimeOffset))
                {
                    return reader.TryGetDateTimeOffset(out var time) ? time : null;
                }

                return reader.TryGetDateTime(out var dateTime) ? dateTime : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// An enum with System.Text.Json's own converter: a string equal to one of the members' written names is the value
    /// that reading the written name gave when the binder was built (reading is deterministic); anything else is written
    /// and read as before.
    /// </summary>
    private sealed class EnumConversion(EnumNames names, GenericConversion fallback) : ScalarConversion
    {
        public static EnumConversion? TryCreate(JsonTypeInfo typeInfo)
            => EnumNames.TryCreate(typeInfo) is { } names ? new EnumConversion(names, new GenericConversion(typeInfo)) : null;

        public override object? Convert(ref EvalContext context, MapValue shaped)
            => shaped.Kind == ValueKind.String && names.Find(context.Bytes(shaped)) is { } value ? value : fallback.Convert(ref context, shaped);
    }

    /// <summary>Anything else (enums, a host's converters, objects copied whole): the token is written and read with the metadata.</summary>
    private sealed class GenericConversion(JsonTypeInfo typeInfo) : ScalarConversion
    {
        public override object? Convert(ref EvalContext context, MapValue shaped)
        {
            var state = context.State;
            var writer = state.FragmentWriter;
            state.Fragment.ResetWrittenCount();
            writer.Reset(state.Fragment);
            ValueWriter.WriteShaped(ref context, writer, shaped);
            writer.Flush();
            return Deserialize(ref context, state.Fragment.WrittenSpan, typeInfo);
        }
    }
}
