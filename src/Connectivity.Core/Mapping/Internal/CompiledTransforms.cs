using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Connectivity.Mapping.Internal;

/// <summary>The executable form of a <see cref="ValueTransform"/>. Absent and null values pass through unless the step says otherwise.</summary>
internal abstract class CompiledTransform
{
    public abstract MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath);

    protected static bool IsBlank(ref EvalContext context, MapValue value)
        => value.IsAbsentOrNull || (value.Kind == ValueKind.String && ValueText.Trim(context.Bytes(value)).IsEmpty);

    protected static bool RequireText(ref EvalContext context, MapValue value, string? sourcePath, string step)
    {
        if (value.IsScalarText)
        {
            return true;
        }

        context.Error(MappingErrorCodes.WrongValueType, sourcePath, $"{step} needs text, got {ValueWriter.Describe(value.Kind)}.");
        return false;
    }
}

internal sealed class TrimTransform : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.Kind != ValueKind.String)
        {
            return value;
        }

        var bytes = context.Bytes(value);
        var offset = ValueText.TrimStartOffset(bytes);
        return value.Slice(offset, ValueText.Trim(bytes).Length);
    }
}

internal sealed class CaseTransform(bool upper) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.Kind != ValueKind.String)
        {
            return value;
        }

        var bytes = context.Bytes(value);
        var state = context.State;
        if (Ascii.IsValid(bytes))
        {
            if (!(upper ? bytes.ContainsAnyInRange((byte)'a', (byte)'z') : bytes.ContainsAnyInRange((byte)'A', (byte)'Z')))
            {
                return value;
            }

            var span = state.ReserveScratch(bytes.Length, out var start);
            bytes = context.Bytes(value);
            _ = upper ? Ascii.ToUpper(bytes, span, out _) : Ascii.ToLower(bytes, span, out _);
            return new MapValue(ValueKind.String, ValueStore.Scratch, start, bytes.Length);
        }

        if (bytes.Length <= 1024)
        {
            Span<char> source = stackalloc char[bytes.Length];
            Span<char> cased = stackalloc char[bytes.Length];
            var count = Encoding.UTF8.GetChars(bytes, source);
            _ = upper ? MemoryExtensions.ToUpperInvariant(source[..count], cased) : MemoryExtensions.ToLowerInvariant(source[..count], cased);
            return state.ScratchString(cased[..count]);
        }

        var text = Encoding.UTF8.GetString(bytes);
        return state.ScratchString(upper ? text.ToUpperInvariant() : text.ToLowerInvariant());
    }
}

internal sealed class SplitTransform(byte[] separator, int index) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.IsAbsentOrNull || !RequireText(ref context, value, sourcePath, "split"))
        {
            return value;
        }

        var bytes = context.Bytes(value);
        var parts = 1;
        for (var at = bytes.IndexOf(separator); at >= 0; at = Next(bytes, at + separator.Length))
        {
            parts++;
        }

        var wanted = index < 0 ? parts + index : index;
        if (wanted < 0 || wanted >= parts)
        {
            return MapValue.Absent;
        }

        var start = 0;
        for (var i = 0; i < wanted; i++)
        {
            start += bytes[start..].IndexOf(separator) + separator.Length;
        }

        var end = bytes[start..].IndexOf(separator);
        return value.WithKind(ValueKind.String).Slice(start, end < 0 ? bytes.Length - start : end);

        int Next(ReadOnlySpan<byte> text, int from)
        {
            var next = text[from..].IndexOf(separator);
            return next < 0 ? -1 : from + next;
        }
    }
}

internal sealed class SubstringTransform(int start, int length) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.IsAbsentOrNull || !RequireText(ref context, value, sourcePath, "substring"))
        {
            return value;
        }

        var bytes = context.Bytes(value);
        if (Ascii.IsValid(bytes))
        {
            var from = Math.Min(start, bytes.Length);
            return value.WithKind(ValueKind.String).Slice(from, Math.Min(length, bytes.Length - from));
        }

        var text = Encoding.UTF8.GetString(bytes);
        var first = Math.Min(start, text.Length);
        return context.State.ScratchString(text.AsSpan(first, Math.Min(length, text.Length - first)));
    }
}

internal sealed class PadTransform(bool left, int width, char padding) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.IsAbsentOrNull || !RequireText(ref context, value, sourcePath, "pad"))
        {
            return value;
        }

        var text = Encoding.UTF8.GetString(context.Bytes(value));
        return context.State.ScratchString(left ? text.PadLeft(width, padding) : text.PadRight(width, padding));
    }
}

internal sealed class ToTextTransform : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
        => value.Kind switch
        {
            ValueKind.Number => value.WithKind(ValueKind.String),
            ValueKind.True => context.State.ScratchString("true"u8),
            ValueKind.False => context.State.ScratchString("false"u8),
            ValueKind.Object or ValueKind.Array => Fail(ref context, value, sourcePath),
            _ => value,
        };

    private static MapValue Fail(ref EvalContext context, MapValue value, string? sourcePath)
    {
        context.Error(MappingErrorCodes.WrongValueType, sourcePath, $"cannot write {ValueWriter.Describe(value.Kind)} as text.");
        return MapValue.Absent;
    }
}

internal enum NumberTarget
{
    Integer,
    Decimal,
    Number,
}

internal sealed class ToNumberTransform(NumberTarget target) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.IsAbsentOrNull)
        {
            return value;
        }

        if (value.Kind is not (ValueKind.Number or ValueKind.String))
        {
            context.Error(MappingErrorCodes.ConversionFailed, sourcePath, $"expected a number, got {ValueWriter.Describe(value.Kind)}.");
            return MapValue.Absent;
        }

        var bytes = context.Bytes(value);
        if (value.Kind == ValueKind.String)
        {
            var offset = ValueText.TrimStartOffset(bytes);
            var trimmed = ValueText.Trim(bytes);
            if (trimmed.IsEmpty)
            {
                return MapValue.Null;
            }

            if (trimmed[0] == '+')
            {
                offset++;
                trimmed = trimmed[1..];
            }

            value = value.Slice(offset, trimmed.Length);
            bytes = trimmed;
        }

        if (!ValueText.IsJsonNumber(bytes, out _, out var hasExponent))
        {
            context.Error(MappingErrorCodes.ConversionFailed, sourcePath, $"{context.Show(value)} is not a number.");
            return MapValue.Absent;
        }

        switch (target)
        {
            case NumberTarget.Integer:
                var whole = ValueText.WholeLength(bytes);
                if (whole < 0 || hasExponent)
                {
                    context.Error(MappingErrorCodes.ConversionFailed, sourcePath, $"{context.Show(value)} is not a whole number.");
                    return MapValue.Absent;
                }

                return new MapValue(ValueKind.Number, value.Store, value.Start, whole);
            case NumberTarget.Decimal:
                if (!ValueText.FitsDecimalExactly(bytes))
                {
                    context.Error(MappingErrorCodes.PrecisionLoss, sourcePath, $"{context.Show(value)} cannot be held exactly as a decimal (at most 28 significant digits); it is refused rather than rounded.");
                    return MapValue.Absent;
                }

                if (hasExponent)
                {
                    if (!ValueText.TryParseDecimal(bytes, out var number))
                    {
                        context.Error(MappingErrorCodes.PrecisionLoss, sourcePath, $"{context.Show(value)} is out of the decimal range.");
                        return MapValue.Absent;
                    }

                    var span = context.State.ReserveScratch(40, out var start);
                    number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
                    context.State.TrimScratch(start, written);
                    return new MapValue(ValueKind.Number, ValueStore.Scratch, start, written);
                }

                return value.WithKind(ValueKind.Number);
            default:
                return value.WithKind(ValueKind.Number);
        }
    }
}

internal sealed class ToBooleanTransform : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        switch (value.Kind)
        {
            case ValueKind.Absent or ValueKind.Null or ValueKind.True or ValueKind.False:
                return value;
            case ValueKind.String or ValueKind.Number when ValueText.TryParseBoolean(context.Bytes(value), out var flag):
                return MapValue.Boolean(flag);
            default:
                context.Error(MappingErrorCodes.ConversionFailed, sourcePath, $"{context.Show(value)} is not a boolean (true/false, yes/no, y/n, on/off, 1/0).");
                return MapValue.Absent;
        }
    }
}

internal sealed class ToDateTransform(bool dateOnly, string[] formats, string? outputFormat, EpochUnit epoch) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.IsAbsentOrNull || (value.Kind == ValueKind.String && ValueText.Trim(context.Bytes(value)).IsEmpty))
        {
            return value.IsAbsent ? value : MapValue.Null;
        }

        DateTimeOffset parsed;
        if (formats.Length == 0 && context.State.TryRecallIsoDate(value, out parsed))
        {
            // Text this record wrote for a known value (RecordState.IsoDates), which the ISO parser would read back exactly.
            if (outputFormat is null && !dateOnly)
            {
                return value;
            }
        }
        else if (!TryParse(ref context, value, out parsed))
        {
            var expected = formats.Length > 0 ? string.Join(" or ", formats) : "ISO 8601, /Date(ms)/ or epoch " + epoch.ToString().ToLowerInvariant();
            context.Error(MappingErrorCodes.ConversionFailed, sourcePath, $"{context.Show(value)} is not a date ({expected}).");
            return MapValue.Absent;
        }

        var span = context.State.ReserveScratch(96, out var start);
        if (outputFormat is null)
        {
            var state = context.State;
            var length = ValueText.FormatIso(parsed, dateOnly, span);
            state.TrimScratch(start, length);
            if (!dateOnly)
            {
                // Full precision and the offset: this text reads back as exactly this value.
                state.RememberIsoDate(new MapValue(ValueKind.String, ValueStore.Scratch, start, length), parsed);
            }

            return new MapValue(ValueKind.String, ValueStore.Scratch, start, length);
        }

        var format = outputFormat;
        if (!parsed.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            context.State.TrimScratch(start, 0);
            return context.State.ScratchString(parsed.ToString(format, CultureInfo.InvariantCulture).AsSpan());
        }

        context.State.TrimScratch(start, written);
        return new MapValue(ValueKind.String, ValueStore.Scratch, start, written);
    }

    private bool TryParse(ref EvalContext context, MapValue value, out DateTimeOffset parsed) => value.Kind switch
    {
        ValueKind.Number => ValueText.TryParseEpoch(context.Bytes(value), epoch, out parsed),
        ValueKind.String => ValueText.TryParseDateTime(context.Bytes(value), formats, out parsed)
            || (IsAllDigits(context.Bytes(value)) && ValueText.TryParseEpoch(ValueText.Trim(context.Bytes(value)), epoch, out parsed)),
        _ => Unreadable(out parsed),
    };

    private static bool IsAllDigits(ReadOnlySpan<byte> text)
    {
        text = ValueText.Trim(text);
        return !text.IsEmpty && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    private static bool Unreadable(out DateTimeOffset parsed)
    {
        parsed = default;
        return false;
    }
}

internal sealed class ValueMapTransform(string name, FrozenDictionary<string, MapValue> entries, MapValue fallback, UnknownValueHandling onUnknown, bool ignoreCase) : CompiledTransform
{
    private const int LinearScanLimit = 16;

    private readonly FrozenDictionary<string, MapValue>.AlternateLookup<ReadOnlySpan<char>> _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();

    // Small ASCII tables (most picklists) are scanned on the UTF-8 bytes, without decoding the value.
    private readonly (byte[] Key, MapValue Value)[]? _small = entries.Count <= LinearScanLimit && entries.Keys.All(static k => Ascii.IsValid(k))
        ? [.. entries.Select(static e => (Encoding.UTF8.GetBytes(e.Key), e.Value))]
        : null;

    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (value.IsAbsentOrNull)
        {
            return value;
        }

        if (!value.IsScalarText)
        {
            context.Error(MappingErrorCodes.WrongValueType, sourcePath, $"value map '{name}' needs text, got {ValueWriter.Describe(value.Kind)}.");
            return MapValue.Absent;
        }

        var bytes = context.Bytes(value);
        MapValue mapped;
        if (_small is not null && Ascii.IsValid(bytes))
        {
            foreach (var (key, candidate) in _small)
            {
                if (ignoreCase ? Ascii.EqualsIgnoreCase(bytes, key) : bytes.SequenceEqual(key))
                {
                    return candidate;
                }
            }

            return Unknown(ref context, value, sourcePath);
        }

        var found = bytes.Length <= 256
            ? TryLookupSmall(bytes, out mapped)
            : entries.TryGetValue(Encoding.UTF8.GetString(bytes), out mapped);
        return found ? mapped : Unknown(ref context, value, sourcePath);
    }

    private MapValue Unknown(ref EvalContext context, MapValue value, string? sourcePath)
    {
        switch (onUnknown)
        {
            case UnknownValueHandling.UseDefault:
                return fallback;
            case UnknownValueHandling.PassThrough:
                return value;
            default:
                context.Error(MappingErrorCodes.UnknownMappedValue, sourcePath, $"value map '{name}' has no entry for {context.Show(value)}.");
                return MapValue.Absent;
        }
    }

    private bool TryLookupSmall(ReadOnlySpan<byte> bytes, out MapValue mapped)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        var count = Encoding.UTF8.GetChars(bytes, chars);
        return _lookup.TryGetValue(chars[..count], out mapped);
    }
}

internal sealed class DefaultTransform(MapValue fallback) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
        => IsBlank(ref context, value) ? fallback : value;
}

internal sealed class RequiredTransform : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (!IsBlank(ref context, value))
        {
            return value;
        }

        context.Error(MappingErrorCodes.RequiredValueMissing, sourcePath, $"a value is required{(sourcePath is null ? string.Empty : $" from {sourcePath}")}, but it is {(value.IsAbsent ? "absent" : value.Kind == ValueKind.Null ? "null" : "blank")}.");
        return MapValue.Absent;
    }
}

internal sealed class NullIfTransform(byte[][] values) : CompiledTransform
{
    public override MapValue Apply(ref EvalContext context, MapValue value, string? sourcePath)
    {
        if (!value.IsScalarText)
        {
            return value;
        }

        var bytes = context.Bytes(value);
        foreach (var candidate in values)
        {
            if (bytes.SequenceEqual(candidate))
            {
                return MapValue.Null;
            }
        }

        return value;
    }
}
