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
        // Up to 28 significant digits with at most 28 after the point always fit a decimal exactly.
        if (number.IndexOfAny((byte)'e', (byte)'E') < 0 && CountSignificant(number, out var scale) <= 28 && scale <= 28)
        {
            return true;
        }

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

    private static int CountSignificant(ReadOnlySpan<byte> number, out int scale)
    {
        var significant = 0;
        scale = 0;
        var afterPoint = false;
        foreach (var b in number)
        {
            if (b == '.')
            {
                afterPoint = true;
            }
            else if ((uint)(b - '0') <= 9)
            {
                if (significant > 0 || b != '0')
                {
                    significant++;
                }

                if (afterPoint)
                {
                    scale++;
                }
            }
        }

        return significant;
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
        if (formats.Count == 0 && TryParseIso(utf8, out value))
        {
            return true;
        }

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

    /// <summary>
    /// The common ISO 8601 shapes, read straight from the bytes: <c>yyyy-MM-dd</c>, and
    /// <c>yyyy-MM-ddTHH:mm[:ss[.f…]]</c> followed by nothing (UTC), <c>Z</c>, <c>±HH:mm</c> or <c>±HHmm</c>.
    /// Anything else falls back to the general parser.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var i = 10;
        if (i < text.Length)
        {
            if (text[i] is not ((byte)'T' or (byte)'t' or (byte)' ') || text.Length < i + 6 || text[i + 3] != ':'
                || !TryDigits(text, i + 1, 2, out hour) || !TryDigits(text, i + 4, 2, out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            i += 6;
            if (i < text.Length && text[i] == ':')
            {
                if (!TryDigits(text, i + 1, 2, out second) || second > 59)
                {
                    return false;
                }

                i += 3;
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    var digits = 0;
                    while (i < text.Length && (uint)(text[i] - '0') <= 9)
                    {
                        if (digits < 7)
                        {
                            ticks = (ticks * 10) + (text[i] - '0');
                        }

                        digits++;
                        i++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    for (var pad = digits; pad < 7; pad++)
                    {
                        ticks *= 10;
                    }
                }
            }
        }

        var offset = TimeSpan.Zero;
        if (i < text.Length)
        {
            var zone = text[i..];
            if (zone.Length == 1 && (zone[0] | 0x20) == 'z')
            {
                offset = TimeSpan.Zero;
            }
            else if (zone.Length is 5 or 6 && zone[0] is (byte)'+' or (byte)'-'
                && TryDigits(zone, 1, 2, out var offsetHours)
                && (zone.Length == 5 ? TryDigits(zone, 3, 2, out var offsetMinutes) : zone[3] == ':' & TryDigits(zone, 4, 2, out offsetMinutes))
                && offsetHours <= 14 && offsetMinutes <= 59)
            {
                offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (zone[0] == '-' ? -1 : 1);
            }
            else
            {
                return false;
            }
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
        return true;
    }

    /// <summary>Writes ISO 8601: <c>yyyy-MM-dd</c>, or <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±HH:mm</c> with trailing zeros of the fraction left out.</summary>
    public static int FormatIso(DateTimeOffset value, bool dateOnly, Span<byte> destination)
    {
        var at = 0;
        if (dateOnly)
        {
            var (year, month, day) = value.DateTime;
            Write(year, 4, destination, ref at);
            destination[at++] = (byte)'-';
            Write(month, 2, destination, ref at);
            destination[at++] = (byte)'-';
            Write(day, 2, destination, ref at);
            return at;
        }

        // The runtime's round-trip form, yyyy-MM-ddTHH:mm:ss.fffffff±HH:mm at fixed positions, then the fraction's
        // trailing zeros taken out (all of it when it is zero), as System.Text.Json writes date-times.
        const int Fraction = 20;
        const int Offset = 27;
        const int RoundTripLength = Offset + 6;
        if (!value.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture) || written != RoundTripLength)
        {
            throw new InvalidOperationException($"Unexpected round-trip form of {value.ToString("O", CultureInfo.InvariantCulture)}.");
        }

        var digits = 7;
        while (digits > 0 && destination[Fraction + digits - 1] == (byte)'0')
        {
            digits--;
        }

        var end = digits == 0 ? Fraction - 1 : Fraction + digits;
        destination[Offset..written].CopyTo(destination[end..]);
        return end + written - Offset;
    }

    private static void Write(int number, int width, Span<byte> destination, ref int at)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[at + i] = (byte)('0' + (number % 10));
            number /= 10;
        }

        at += width;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
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
