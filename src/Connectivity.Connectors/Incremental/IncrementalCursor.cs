using System.Globalization;
using System.Text.Json;

namespace Connectivity.Connectors.Incremental;

/// <summary>
/// Where an incremental read has got to: the cursor value of the last record processed (a modification time, a change number) and
/// its id, the tie-break among records that share a cursor value. Ordered by value, then id: numbers as numbers, ISO 8601 times
/// as instants, anything else ordinally.
/// </summary>
/// <param name="Value">The cursor value of the last record processed.</param>
/// <param name="TieBreakId">The id of the last record processed.</param>
public readonly record struct IncrementalCursor(string Value, string TieBreakId) : IComparable<IncrementalCursor>
{
    /// <summary>Compares two positions: by value, then by id.</summary>
    /// <param name="other">The other position.</param>
    /// <returns>Less than zero when this one comes first, zero when equal, more than zero when it comes after.</returns>
    public int CompareTo(IncrementalCursor other)
    {
        var byValue = CompareValues(Value, other.Value);
        return byValue != 0 ? byValue : CompareValues(TieBreakId, other.TieBreakId);
    }

    /// <summary>Tells whether one position comes before another.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>The answer.</returns>
    public static bool operator <(IncrementalCursor left, IncrementalCursor right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether one position comes before or is another.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>The answer.</returns>
    public static bool operator <=(IncrementalCursor left, IncrementalCursor right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether one position comes after another.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>The answer.</returns>
    public static bool operator >(IncrementalCursor left, IncrementalCursor right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether one position comes after or is another.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns>The answer.</returns>
    public static bool operator >=(IncrementalCursor left, IncrementalCursor right) => left.CompareTo(right) >= 0;

    /// <summary>Compares two cursor values (or ids) the way <see cref="IncrementalCursor"/> orders them.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The order.</returns>
    public static int CompareValues(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        if (long.TryParse(left, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            && long.TryParse(right, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
        {
            return l.CompareTo(r);
        }

        if (TryParseInstant(left, out var lt) && TryParseInstant(right, out var rt))
        {
            return lt.CompareTo(rt);
        }

        return string.CompareOrdinal(left, right);
    }

    /// <summary>Writes the position as the text kept in the checkpoint store.</summary>
    /// <returns>The text.</returns>
    public string Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v", Value);
            writer.WriteString("id", TieBreakId);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a position written by <see cref="Serialize"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cursor">The position.</param>
    /// <returns><see langword="true"/> when the text is a position.</returns>
    public static bool TryParse(string? text, out IncrementalCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("v", out var value) && value.ValueKind == JsonValueKind.String
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                cursor = new IncrementalCursor(value.GetString()!, id.GetString()!);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    internal static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0])
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
            ? true
            : Fail(out instant);

    private static bool Fail(out DateTimeOffset instant)
    {
        instant = default;
        return false;
    }
}
