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
        var bytes = context.Bytes(value);
        switch (value.Kind)
        {
            case ValueKind.Null:
                writer.WriteNullValue();
                return;
            case ValueKind.String when kind is MapTargetKind.Any or MapTargetKind.String or MapTargetKind.Date or MapTargetKind.DateTime or MapTargetKind.Enumeration:
                writer.WriteStringValue(bytes);
                return;
            case ValueKind.Number when kind == MapTargetKind.String:
                writer.WriteStringValue(bytes);
                return;
            case ValueKind.Number when kind == MapTargetKind.Integer:
                var whole = ValueText.WholeLength(bytes);
                if (whole < 0 || bytes.IndexOfAny((byte)'e', (byte)'E') >= 0)
                {
                    break;
                }

                writer.WriteRawValue(bytes[..whole], skipInputValidation: true);
                return;
            case ValueKind.Number when kind is MapTargetKind.Any or MapTargetKind.Number:
                writer.WriteRawValue(bytes, skipInputValidation: true);
                return;
            case ValueKind.True or ValueKind.False when kind is MapTargetKind.Any or MapTargetKind.Boolean:
                writer.WriteBooleanValue(value.Kind == ValueKind.True);
                return;
            case ValueKind.True or ValueKind.False when kind == MapTargetKind.String:
                writer.WriteStringValue(value.Kind == ValueKind.True ? "true"u8 : "false"u8);
                return;
            case ValueKind.Object when kind is MapTargetKind.Any or MapTargetKind.Object:
            case ValueKind.Array when kind is MapTargetKind.Any or MapTargetKind.Array:
                writer.WriteRawValue(bytes, skipInputValidation: true);
                return;
        }

        context.Error(MappingErrorCodes.WrongValueType, sourcePath, $"expected {Describe(kind)}, got {Describe(value.Kind)} {context.Show(value)}{(sourcePath is null ? string.Empty : $" from {sourcePath}")}.");
        writer.WriteNullValue();
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
