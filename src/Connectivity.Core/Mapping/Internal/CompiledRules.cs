using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Connectivity.Mapping.Internal;

/// <summary>The executable form of a <see cref="ValueRule"/>.</summary>
internal abstract class CompiledRule
{
    /// <summary>Gets what the rule produces, as far as it is known when the map is built.</summary>
    public MapTargetKind Kind { get; init; } = MapTargetKind.Any;

    /// <summary>Gets the source path the rule reads, for error messages.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Gets whether the rule produces a single value (<see cref="Evaluate"/>) rather than writing an object or array.</summary>
    public virtual bool IsScalar => true;

    /// <summary>Gets whether the rule reads the source at all (a constant does not).</summary>
    public virtual bool ReadsSource => true;

    public virtual MapValue Evaluate(ref EvalContext context) => throw new InvalidOperationException($"{GetType().Name} writes structure; it has no single value.");

    /// <summary>Whether the rule would write anything (structural rules; scalars evaluate).</summary>
    public virtual bool IsPresent(ref EvalContext context) => !Evaluate(ref context).IsAbsent;

    /// <summary>Writes the value, preceded by <paramref name="name"/> when <paramref name="hasName"/>; returns false (writing nothing) when absent.</summary>
    public virtual bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapTargetKind kind)
        => ValueWriter.TryWrite(ref context, writer, hasName, name, Evaluate(ref context), kind, SourcePath);
}

internal sealed class CopyEval(SlotAccessor accessor) : CompiledRule
{
    public SlotAccessor Accessor { get; } = accessor;

    public override MapValue Evaluate(ref EvalContext context) => Accessor.Read(ref context);
}

internal sealed class ConstantEval(MapValue value) : CompiledRule
{
    public override bool ReadsSource => false;

    public override MapValue Evaluate(ref EvalContext context) => value;
}

internal sealed class ConcatEval(CompiledRule[] parts, byte[] separator) : CompiledRule
{
    public override MapValue Evaluate(ref EvalContext context)
    {
        var state = context.State;
        var mark = state.ValueStackTop;
        var total = 0;
        var count = 0;
        foreach (var part in parts)
        {
            var value = part.Evaluate(ref context);
            if (value.IsAbsentOrNull)
            {
                continue;
            }

            if (!value.IsScalarText)
            {
                context.Error(MappingErrorCodes.WrongValueType, part.SourcePath, $"cannot join {ValueWriter.Describe(value.Kind)} into text.");
                continue;
            }

            var length = context.Bytes(value).Length;
            if (length == 0)
            {
                continue;
            }

            state.PushValue(value);
            total += length + (count++ > 0 ? separator.Length : 0);
        }

        if (count == 0)
        {
            state.ValueStackTop = mark;
            return MapValue.Absent;
        }

        var span = state.ReserveScratch(total, out var start);
        var at = 0;
        for (var i = mark; i < state.ValueStackTop; i++)
        {
            if (i > mark)
            {
                separator.CopyTo(span[at..]);
                at += separator.Length;
            }

            var bytes = context.Bytes(state.ValueStack[i]);
            bytes.CopyTo(span[at..]);
            at += bytes.Length;
        }

        state.ValueStackTop = mark;
        return new MapValue(ValueKind.String, ValueStore.Scratch, start, total);
    }
}

internal sealed class CoalesceEval(CompiledRule[] candidates) : CompiledRule
{
    public override MapValue Evaluate(ref EvalContext context)
    {
        foreach (var candidate in candidates)
        {
            var value = candidate.Evaluate(ref context);
            if (!value.IsAbsentOrNull)
            {
                return value;
            }
        }

        return MapValue.Absent;
    }
}

internal sealed class ConditionEval(CompiledCondition condition, CompiledRule then, CompiledRule? otherwise) : CompiledRule
{
    public CompiledCondition Condition => condition;

    public CompiledRule Then => then;

    public CompiledRule? Otherwise => otherwise;

    public override bool IsScalar => then.IsScalar && (otherwise?.IsScalar ?? true);

    public override MapValue Evaluate(ref EvalContext context)
        => condition.Test(ref context) ? then.Evaluate(ref context) : otherwise?.Evaluate(ref context) ?? MapValue.Absent;

    public override bool IsPresent(ref EvalContext context)
        => condition.Test(ref context) ? then.IsPresent(ref context) : otherwise?.IsPresent(ref context) ?? false;

    public override bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapTargetKind kind)
    {
        var branch = condition.Test(ref context) ? then : otherwise;
        return branch?.TryWrite(ref context, writer, hasName, name, kind) ?? false;
    }
}

internal sealed class TransformedEval(CompiledRule inner, CompiledTransform[] transforms) : CompiledRule
{
    public override bool ReadsSource => inner.ReadsSource;

    public override MapValue Evaluate(ref EvalContext context)
    {
        var value = inner.Evaluate(ref context);
        foreach (var transform in transforms)
        {
            value = transform.Apply(ref context, value, SourcePath);
        }

        return value;
    }
}

internal sealed class PickEval(bool rooted, int baseScope, (int Scope, int Index)[] steps, CompiledCondition where, CompiledRule value) : CompiledRule
{
    public override MapValue Evaluate(ref EvalContext context)
    {
        var saved = context.Frame;
        var savedIndex = context.ElementIndex;
        var result = MapValue.Absent;
        var frame = SlotAccessor.BaseFrame(ref context, rooted, baseScope);
        if (frame >= 0)
        {
            result = Find(ref context, frame, 0);
        }

        context.Frame = saved;
        context.ElementIndex = savedIndex;
        return result;
    }

    private MapValue Find(ref EvalContext context, int parent, int step)
    {
        var state = context.State;
        var (scope, index) = steps[step];
        for (var i = parent + 1; i < state.FrameCount; i++)
        {
            ref var frame = ref state.Frames[i];
            if (frame.Parent != parent || frame.Scope != scope || (index >= 0 && frame.Index != index))
            {
                continue;
            }

            if (step < steps.Length - 1)
            {
                var nested = Find(ref context, i, step + 1);
                if (!nested.IsAbsent)
                {
                    return nested;
                }

                continue;
            }

            context.Frame = i;
            context.ElementIndex = frame.Index;
            if (where.Test(ref context))
            {
                return value.Evaluate(ref context);
            }
        }

        return MapValue.Absent;
    }
}

internal sealed class EachWriter(bool rooted, int baseScope, (int Scope, int Index)[] steps, SlotAccessor array, CompiledRule element, CompiledCondition? where, MapTargetKind elementKind) : CompiledRule
{
    public bool Rooted => rooted;

    public int BaseScope => baseScope;

    public (int Scope, int Index)[] Steps => steps;

    public CompiledRule Element => element;

    public CompiledCondition? Where => where;

    public MapTargetKind ElementKind => elementKind;

    public override bool IsScalar => false;

    public override bool IsPresent(ref EvalContext context) => array.Read(ref context).Kind == ValueKind.Array;

    public override bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapTargetKind kind)
    {
        if (!IsPresent(ref context))
        {
            return false;
        }

        if (hasName)
        {
            writer.WritePropertyName(name);
        }

        writer.WriteStartArray();
        var saved = context.Frame;
        var savedIndex = context.ElementIndex;
        var frame = SlotAccessor.BaseFrame(ref context, rooted, baseScope);
        if (frame >= 0)
        {
            WriteElements(ref context, writer, frame, 0);
        }

        context.Frame = saved;
        context.ElementIndex = savedIndex;
        writer.WriteEndArray();
        return true;
    }

    private void WriteElements(ref EvalContext context, Utf8JsonWriter writer, int parent, int step)
    {
        var state = context.State;
        var (scope, index) = steps[step];
        for (var i = parent + 1; i < state.FrameCount; i++)
        {
            var frame = state.Frames[i];
            if (frame.Parent != parent || frame.Scope != scope || (index >= 0 && frame.Index != index))
            {
                continue;
            }

            if (step < steps.Length - 1)
            {
                WriteElements(ref context, writer, i, step + 1);
                continue;
            }

            context.Frame = i;
            context.ElementIndex = frame.Index;
            if (where is null || where.Test(ref context))
            {
                element.TryWrite(ref context, writer, false, default, elementKind);
            }
        }
    }
}

internal sealed class ArrayWriter(CompiledRule[] items, MapTargetKind elementKind) : CompiledRule
{
    public CompiledRule[] Items => items;

    public MapTargetKind ElementKind => elementKind;

    public override bool IsScalar => false;

    public override bool IsPresent(ref EvalContext context) => true;

    public override bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapTargetKind kind)
    {
        if (hasName)
        {
            writer.WritePropertyName(name);
        }

        writer.WriteStartArray();
        foreach (var item in items)
        {
            item.TryWrite(ref context, writer, false, default, elementKind);
        }

        writer.WriteEndArray();
        return true;
    }
}

internal sealed class UnmappedWriter : CompiledRule
{
    public override bool IsScalar => false;

    public override bool IsPresent(ref EvalContext context) => context.State.UnmappedCount > 0;

    public override bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapTargetKind kind)
    {
        var state = context.State;
        if (state.UnmappedCount == 0)
        {
            return false;
        }

        if (hasName)
        {
            writer.WritePropertyName(name);
        }

        writer.WriteStartObject();
        for (var i = 0; i < state.UnmappedCount; i++)
        {
            var field = state.Unmapped[i];
            writer.WritePropertyName(context.Bytes(field.Name));
            writer.WriteRawValue(context.Input.Slice(field.ValueStart, field.ValueLength), skipInputValidation: true);
        }

        writer.WriteEndObject();
        return true;
    }
}

/// <summary>One property an <see cref="ObjectWriter"/> writes.</summary>
internal sealed record FieldWriter(JsonEncodedText Name, string TargetPath, CompiledRule Rule, MapTargetKind Kind);

/// <summary>
/// Writes an object. An explicit object rule is always written; an object implied by dotted target paths
/// (<c>creditLimit.amount</c>) is written only when a field that reads the source has a value, so a
/// constant alone never makes up an object the source did not have.
/// </summary>
internal sealed class ObjectWriter(FieldWriter[] fields, bool implicitGroup) : CompiledRule
{
    public FieldWriter[] Fields { get; } = fields;

    /// <summary>Gets whether the object is implied by dotted target paths and exists only when a field that reads the source has a value.</summary>
    public bool ImplicitGroup => implicitGroup;

    public override bool IsScalar => false;

    public override bool IsPresent(ref EvalContext context)
    {
        if (!implicitGroup)
        {
            return true;
        }

        var saved = context.Target;
        try
        {
            foreach (var field in Fields)
            {
                context.Target = field.TargetPath;
                if (field.Rule.ReadsSource && field.Rule.IsPresent(ref context))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            context.Target = saved;
        }
    }

    /// <summary>
    /// For an implied object: evaluates the scalar fields once, up front, pushing their values on the value stack in field
    /// order, to know whether the object exists at all. When it does not, the stack and target are restored.
    /// </summary>
    public bool IsPresentUpFront(ref EvalContext context)
    {
        var state = context.State;
        var mark = state.ValueStackTop;
        var saved = context.Target;
        var present = false;
        foreach (var field in Fields)
        {
            context.Target = field.TargetPath;
            if (field.Rule.IsScalar)
            {
                var value = field.Rule.Evaluate(ref context);
                state.PushValue(value);
                present |= field.Rule.ReadsSource && !value.IsAbsentOrNull;
            }
            else
            {
                present |= field.Rule.ReadsSource && field.Rule.IsPresent(ref context);
            }
        }

        if (!present)
        {
            state.ValueStackTop = mark;
        }

        context.Target = saved;
        return present;
    }

    public override bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapTargetKind kind)
    {
        var state = context.State;
        var mark = state.ValueStackTop;
        var saved = context.Target;
        if (implicitGroup && !IsPresentUpFront(ref context))
        {
            return false;
        }

        if (hasName)
        {
            writer.WritePropertyName(name);
        }

        writer.WriteStartObject();
        var next = mark;
        foreach (var field in Fields)
        {
            context.Target = field.TargetPath;
            if (implicitGroup && field.Rule.IsScalar)
            {
                ValueWriter.TryWrite(ref context, writer, true, field.Name, state.ValueStack[next++], field.Kind, field.Rule.SourcePath);
            }
            else
            {
                field.Rule.TryWrite(ref context, writer, true, field.Name, field.Kind);
            }
        }

        writer.WriteEndObject();
        state.ValueStackTop = mark;
        context.Target = saved;
        return true;
    }
}

internal sealed class FunctionEval(string name, MapFunction function, CompiledRule[] arguments) : CompiledRule
{
    public override MapValue Evaluate(ref EvalContext context)
    {
        var state = context.State;
        var mark = state.ValueStackTop;
        foreach (var argument in arguments)
        {
            state.PushValue(argument.Evaluate(ref context));
        }

        MapFunctionResult result;
        try
        {
            result = function(new MapFunctionArguments(context.Input, state, context.Program, mark, state.ValueStackTop - mark));
        }
#pragma warning disable CA1031 // A host function's failure is a per-record error, never a crash of the batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            state.ValueStackTop = mark;
            context.Error(MappingErrorCodes.FunctionFailed, SourcePath, $"function '{name}' threw {ex.GetType().Name}: {ex.Message}");
            return MapValue.Absent;
        }

        state.ValueStackTop = mark;
        return result.Kind switch
        {
            MapFunctionResultKind.Absent => MapValue.Absent,
            MapFunctionResultKind.Null => MapValue.Null,
            MapFunctionResultKind.Boolean => MapValue.Boolean(result.BooleanValue),
            MapFunctionResultKind.Text => state.ScratchString(result.Text.AsSpan()),
            MapFunctionResultKind.Number => FormatNumber(state, result.NumberValue),
            MapFunctionResultKind.Failure => Fail(ref context, result.Text),
            _ => MapValue.Absent,
        };
    }

    private static MapValue FormatNumber(RecordState state, decimal number)
    {
        var span = state.ReserveScratch(64, out var start);
        number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        state.TrimScratch(start, written);
        return new MapValue(ValueKind.Number, ValueStore.Scratch, start, written);
    }

    private MapValue Fail(ref EvalContext context, string? message)
    {
        context.Error(MappingErrorCodes.FunctionFailed, SourcePath, $"function '{name}' failed: {message}");
        return MapValue.Absent;
    }
}

internal static class Utf8Text
{
    public static byte[] Of(string text) => Encoding.UTF8.GetBytes(text);
}
