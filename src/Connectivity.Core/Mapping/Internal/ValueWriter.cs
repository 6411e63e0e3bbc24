using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Connectivity.Mapping.Internal;

/// <summary>Writes a <see cref="MapValue"/> as the JSON shape a target field expects, or records why it cannot.</summary>
internal static class ValueWriter
{
    public static bool TryWrite(ref EvalContext context, Utf8JsonWriter writer, bool hasName, JsonEncodedText name, MapValue value, MapTargetKind kind, string? sourcePath)
    {
        if (value.IsAbsent || (value.Kind == ValueKind.Null && hasName && !context.Program.WriteNulls))
        {
            return false;
        }

        if (hasName)
        {
            writer.WritePropertyName(name);
        }

        Write(ref context, writer, value, kind, sourcePath);
        return true;
    }

    public static void Write(ref EvalContext context, Utf8JsonWriter writer, MapValue value, MapTargetKind kind, string? sourcePath)
    {
        if (!TryShape(ref context, value, kind, sourcePath, out var shaped))
        {
            writer.WriteNullValue();
            return;
        }

        WriteShaped(ref context, writer, shaped);
    }

    /// <summary>
    /// Gives the JSON token <see cref="Write"/> writes for <paramref name="value"/> as a target of <paramref name="kind"/>:
    /// null, a string (its unescaped content), a number, true, false, or raw object or array JSON. Records the error and
    /// returns false when the value does not fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryShape(ref EvalContext context, MapValue value, MapTargetKind kind, string? sourcePath, out MapValue shaped)
    {
        // Most values are strings going to string targets, or nulls: decided here, inline.
        if (value.Kind == ValueKind.Null || (value.Kind == ValueKind.String && kind is MapTargetKind.Any or MapTargetKind.String))
        {
            shaped = value;
            return true;
        }

        return TryShapeAny(ref context, value, kind, sourcePath, out shaped);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryShapeAny(ref EvalContext context, MapValue value, MapTargetKind kind, string? sourcePath, out MapValue shaped)
    {
        switch (value.Kind)
        {
            case ValueKind.Null:
            case ValueKind.String when kind is MapTargetKind.Any or MapTargetKind.String or MapTargetKind.Date or MapTargetKind.DateTime or MapTargetKind.Enumeration:
            case ValueKind.Number when kind is MapTargetKind.Any or MapTargetKind.Number:
            case ValueKind.True or ValueKind.False when kind is MapTargetKind.Any or MapTargetKind.Boolean:
            case ValueKind.Object when kind is MapTargetKind.Any or MapTargetKind.Object:
            case ValueKind.Array when kind is MapTargetKind.Any or MapTargetKind.Array:
                shaped = value;
                return true;
            case ValueKind.Number when kind == MapTargetKind.String:
                shaped = value.WithKind(ValueKind.String);
                return true;
            case ValueKind.Number when kind == MapTargetKind.Integer:
                var bytes = context.Bytes(value);
                var whole = ValueText.WholeLength(bytes);
                if (whole < 0 || bytes.IndexOfAny((byte)'e', (byte)'E') >= 0)
                {
                    break;
                }

                shaped = value.Slice(0, whole);
                return true;
            case ValueKind.True or ValueKind.False when kind == MapTargetKind.String:
                shaped = context.State.ScratchString(value.Kind == ValueKind.True ? "true"u8 : "false"u8);
                return true;
        }

        context.Error(MappingErrorCodes.WrongValueType, sourcePath, $"expected {Describe(kind)}, got {Describe(value.Kind)} {context.Show(value)}{(sourcePath is null ? string.Empty : $" from {sourcePath}")}.");
        shaped = default;
        return false;
    }

    /// <summary>Writes a value <see cref="TryShape"/> gave.</summary>
    public static void WriteShaped(ref EvalContext context, Utf8JsonWriter writer, MapValue shaped)
    {
        switch (shaped.Kind)
        {
            case ValueKind.Null:
                writer.WriteNullValue();
                return;
            case ValueKind.String:
                writer.WriteStringValue(context.Bytes(shaped));
                return;
            case ValueKind.True or ValueKind.False:
                writer.WriteBooleanValue(shaped.Kind == ValueKind.True);
                return;
            default:
                writer.WriteRawValue(context.Bytes(shaped), skipInputValidation: true);
                return;
        }
    }

    public static string Describe(MapTargetKind kind) => kind switch
    {
        MapTargetKind.Integer => "an integer",
        MapTargetKind.Number => "a number",
        MapTargetKind.Boolean => "true or false",
        MapTargetKind.Object => "an object",
        MapTargetKind.Array => "an array",
        MapTargetKind.Date => "a date string",
        MapTargetKind.DateTime => "a date-time string",
        MapTargetKind.Enumeration => "one of the allowed strings",
        MapTargetKind.String => "a string",
        _ => "a value",
    };

    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Number => "a number",
        ValueKind.True or ValueKind.False => "a boolean",
        ValueKind.Object => "an object",
        ValueKind.Array => "an array",
        ValueKind.Null => "null",
        _ => "nothing",
    };
}
