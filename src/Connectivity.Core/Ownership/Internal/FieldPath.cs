using System.Globalization;

namespace Connectivity.Ownership.Internal;

/// <summary>
/// A parsed field path or pattern over canonical JSON: property names separated by dots, array indexes in
/// brackets, <c>*</c> for any property and <c>[*]</c> for any index. A pattern covers the paths it matches and
/// everything below them, so <c>creditLimit</c> covers <c>creditLimit.amount</c>.
/// </summary>
internal sealed class FieldPath
{
    private FieldPath(string text, FieldPathSegment[] segments)
    {
        Text = text;
        Segments = segments;
        foreach (var segment in segments)
        {
            Specificity += segment.IsWildcard ? 1 : 3;
        }
    }

    public string Text { get; }

    public FieldPathSegment[] Segments { get; }

    /// <summary>Gets a rank that grows with the number of named segments; the more specific rule wins.</summary>
    public int Specificity { get; }

    public bool IsOpen => Segments.Length > 0 && Segments[^1].Kind == FieldPathSegmentKind.AnyProperty;

    public static FieldPath Parse(string text)
        => TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    public static bool TryParse(string text, out FieldPath path, out string? error)
    {
        path = null!;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The field path is empty.";
            return false;
        }

        var segments = new List<FieldPathSegment>();
        var i = 0;
        var expectName = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || segments.Count == 0)
                {
                    error = $"'{text}' has an index without a property at position {i}.";
                    return false;
                }

                var inside = text.AsSpan(i + 1, close - i - 1);
                if (inside is "*")
                {
                    segments.Add(new FieldPathSegment(FieldPathSegmentKind.AnyIndex, null, -1));
                }
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new FieldPathSegment(FieldPathSegmentKind.Index, null, index));
                }
                else
                {
                    error = $"'{text}' has an index that is neither a number nor '*' at position {i}.";
                    return false;
                }

                i = close + 1;
                expectName = false;
                continue;
            }

            if (c == '.')
            {
                if (expectName)
                {
                    error = $"'{text}' has an empty property name at position {i}.";
                    return false;
                }

                expectName = true;
                i++;
                continue;
            }

            if (!expectName)
            {
                error = $"'{text}' needs a '.' before position {i}.";
                return false;
            }

            var end = i;
            while (end < text.Length && text[end] is not ('.' or '[' or ']'))
            {
                end++;
            }

            if (end < text.Length && text[end] == ']')
            {
                error = $"'{text}' has an unmatched ']' at position {end}.";
                return false;
            }

            var name = text[i..end];
            segments.Add(name == "*"
                ? new FieldPathSegment(FieldPathSegmentKind.AnyProperty, null, -1)
                : new FieldPathSegment(FieldPathSegmentKind.Property, name, -1));
            expectName = false;
            i = end;
        }

        if (expectName)
        {
            error = $"'{text}' ends with a '.'.";
            return false;
        }

        path = new FieldPath(text, [.. segments]);
        return true;
    }

    /// <summary>Gets whether this pattern covers <paramref name="path"/> (or a path above it): used to find a field's owner.</summary>
    public bool Covers(FieldPath path)
    {
        if (Segments.Length > path.Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < Segments.Length; i++)
        {
            var p = Segments[i];
            var q = path.Segments[i];
            var match = p.Kind switch
            {
                FieldPathSegmentKind.Property => q.Kind == FieldPathSegmentKind.Property && string.Equals(p.Name, q.Name, StringComparison.Ordinal),
                FieldPathSegmentKind.AnyProperty => q.Kind is FieldPathSegmentKind.Property or FieldPathSegmentKind.AnyProperty,
                FieldPathSegmentKind.Index => q.Kind == FieldPathSegmentKind.Index && p.Index == q.Index,
                _ => q.Kind is FieldPathSegmentKind.Index or FieldPathSegmentKind.AnyIndex,
            };
            if (!match)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets whether this path and a known path of the entity can address the same data: used to validate policies.</summary>
    public bool Overlaps(FieldPath known)
    {
        var length = Math.Min(Segments.Length, known.Segments.Length);
        if (Segments.Length > known.Segments.Length && !known.IsOpen)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            var p = Segments[i];
            var k = known.Segments[i];
            var pIsProperty = p.Kind is FieldPathSegmentKind.Property or FieldPathSegmentKind.AnyProperty;
            var kIsProperty = k.Kind is FieldPathSegmentKind.Property or FieldPathSegmentKind.AnyProperty;
            if (pIsProperty != kIsProperty)
            {
                return false;
            }

            if (pIsProperty && p.Kind == FieldPathSegmentKind.Property && k.Kind == FieldPathSegmentKind.Property
                && !string.Equals(p.Name, k.Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Text;
}

internal enum FieldPathSegmentKind
{
    Property,
    AnyProperty,
    Index,
    AnyIndex,
}

internal readonly record struct FieldPathSegment(FieldPathSegmentKind Kind, string? Name, int Index)
{
    public bool IsWildcard => Kind is FieldPathSegmentKind.AnyProperty or FieldPathSegmentKind.AnyIndex;
}
