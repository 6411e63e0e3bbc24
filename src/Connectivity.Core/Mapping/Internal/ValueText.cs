using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Connectivity.Mapping.Internal;

/// <summary>Parsing helpers on UTF-8 text: number grammar, booleans and the date formats vendors send.</summary>
internal static class ValueText
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd",
    ];

    /// <summary>Whether <paramref name="text"/> is a JSON number: <c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<byte> text, out bool hasFraction, out bool hasExponent)
    {
        hasFraction = false;
        hasExponent = false;
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var digits = CountDigits(text, ref i);
        if (digits == 0 || (digits > 1 && text[i - digits] == '0'))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            hasFraction = true;
            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            i++;
            hasExponent = true;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Whether a JSON number's fraction, if any, is all zeros (so it is a whole number).</summary>
    public static int WholeLength(ReadOnlySpan<byte> number)
    {
        var dot = number.IndexOf((byte)'.');
        if (dot < 0)
        {
            return number.Length;
        }

        return number[(dot + 1)..].ContainsAnyExcept((byte)'0') ? -1 : dot;
    }

    /// <summary>
    /// Whether a .NET decimal holds the JSON number exactly: a plain number must read back to the same digits
    /// (scale and trailing zeros included); a number with an exponent may have at most 28 significant digits.
    /// </summary>
    public static bool FitsDecimalExactly(ReadOnlySpan<byte> number)
    {
        if (!TryParseDecimal(number, out var value))
        {
            return false;
        }

        if (number.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            Span<byte> formatted = stackalloc byte[64];
            return (value.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture) && formatted[..written].SequenceEqual(number))
                || (value == 0 && !number.ContainsAnyExcept("-0."u8));
        }

        var significant = 0;
        var seenNonZero = false;
        foreach (var b in number)
        {
            if (b is (byte)'e' or (byte)'E')
            {
                break;
            }

            if (b is >= (byte)'0' and <= (byte)'9' && (b != '0' || seenNonZero))
            {
                seenNonZero = true;
                significant++;
            }
        }

        return significant <= 28;
    }

    /// <summary>Reads a JSON number (plain or with an exponent) as a decimal; false when out of range.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> number, out decimal value)
    {
        value = 0;
        if (number.Length > 128)
        {
            return false;
        }

        Span<char> chars = stackalloc char[number.Length];
        for (var i = 0; i < number.Length; i++)
        {
            chars[i] = (char)number[i];
        }

        return decimal.TryParse(chars, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = Trim(text);
        if (Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "yes"u8) || Ascii.EqualsIgnoreCase(text, "y"u8)
            || Ascii.EqualsIgnoreCase(text, "on"u8) || Ascii.EqualsIgnoreCase(text, "t"u8) || text.SequenceEqual("1"u8))
        {
            value = true;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(text, "false"u8) || Ascii.EqualsIgnoreCase(text, "no"u8) || Ascii.EqualsIgnoreCase(text, "n"u8)
            || Ascii.EqualsIgnoreCase(text, "off"u8) || Ascii.EqualsIgnoreCase(text, "f"u8) || text.SequenceEqual("0"u8))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        var start = 0;
        while (start < text.Length && IsWhiteSpace(text, start, out var width))
        {
            start += width;
        }

        var end = text.Length;
        while (end > start && IsWhiteSpaceBefore(text, end, out var width))
        {
            end -= width;
        }

        return text[start..end];
    }

    public static int TrimStartOffset(ReadOnlySpan<byte> text)
    {
        var start = 0;
        while (start < text.Length && IsWhiteSpace(text, start, out var width))
        {
            start += width;
        }

        return start;
    }

    /// <summary>Reads epoch seconds or milliseconds from JSON number digits.</summary>
    public static bool TryParseEpoch(ReadOnlySpan<byte> digits, EpochUnit unit, out DateTimeOffset value)
    {
        value = default;
        if (!Utf8Parser.TryParse(digits, out long number, out var consumed) || consumed != digits.Length)
        {
            return false;
        }

        try
        {
            value = unit == EpochUnit.Seconds ? DateTimeOffset.FromUnixTimeSeconds(number) : DateTimeOffset.FromUnixTimeMilliseconds(number);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a date and time: <c>/Date(ms[±hhmm])/</c> (slashes escaped or not), the custom formats when given,
    /// otherwise ISO 8601 with or without a colon in the offset. A value with no offset is taken as UTC.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> utf8, IReadOnlyList<string> formats, out DateTimeOffset value)
    {
        value = default;
        utf8 = Trim(utf8);
        if (utf8.Length == 0 || utf8.Length > 128)
        {
            return false;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        if (Encoding.UTF8.GetChars(utf8, chars) is var count && count != chars.Length)
        {
            chars = chars[..count];
        }

        ReadOnlySpan<char> text = chars;
        if (TryParseMicrosoftDate(text, out value))
        {
            return true;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (formats.Count > 0)
        {
            foreach (var format in formats)
            {
                if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out value))
                {
                    return true;
                }
            }

            return false;
        }

        // ISO 8601 offsets are sometimes sent without a colon (+0000); put it back.
        Span<char> withColon = stackalloc char[text.Length + 1];
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^4]) && char.IsAsciiDigit(text[^1]) && text.Length > 10 && text.Contains('T'))
        {
            text[..^2].CopyTo(withColon);
            withColon[text.Length - 2] = ':';
            text[^2..].CopyTo(withColon[(text.Length - 1)..]);
            text = withColon;
        }

        return DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, Styles, out value);
    }

    private static bool TryParseMicrosoftDate(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim('\\');
        if (!text.StartsWith("/Date(", StringComparison.Ordinal) || !text.EndsWith(")/", StringComparison.Ordinal))
        {
            if (!text.StartsWith("/Date(", StringComparison.Ordinal) || !text.EndsWith(")\\/", StringComparison.Ordinal))
            {
                return false;
            }

            text = text[..^1];
        }

        var inner = text["/Date(".Length..^")/".Length];
        var offsetAt = inner[1..].IndexOfAny('+', '-');
        var millis = offsetAt < 0 ? inner : inner[..(offsetAt + 1)];
        if (!long.TryParse(millis, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (offsetAt >= 0)
        {
            var zone = inner[(offsetAt + 1)..];
            if (zone.Length != 5 || !int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(zone[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        }

        try
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int CountDigits(ReadOnlySpan<byte> text, ref int i)
    {
        var start = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }

        return i - start;
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> text, int at, out int width)
    {
        width = 1;
        if (text[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            return true;
        }

        width = 2;
        return text[at] == 0xC2 && at + 1 < text.Length && text[at + 1] == 0xA0;
    }

    private static bool IsWhiteSpaceBefore(ReadOnlySpan<byte> text, int end, out int width)
    {
        width = 1;
        if (text[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            return true;
        }

        width = 2;
        return end >= 2 && text[end - 2] == 0xC2 && text[end - 1] == 0xA0;
    }
}
