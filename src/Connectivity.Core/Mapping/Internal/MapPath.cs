using System.Text;

namespace Connectivity.Mapping.Internal;

/// <summary>One step of a path: a property name, an array index, or every element (<c>[*]</c>).</summary>
internal readonly record struct PathSegment(PathSegmentKind Kind, string Name, int Index)
{
    public static PathSegment Property(string name) => new(PathSegmentKind.Property, name, -1);

    public static PathSegment Element(int index) => new(PathSegmentKind.Index, string.Empty, index);

    public static readonly PathSegment Wildcard = new(PathSegmentKind.Wildcard, string.Empty, -1);
}

internal enum PathSegmentKind : byte
{
    Property,
    Index,
    Wildcard,
}

/// <summary>
/// Parses the path syntax maps use: <c>a.b</c>, <c>a[0]</c>, <c>a[*].b</c>, and bracket-quoted names for
/// property names holding dots, at signs or spaces: <c>['@odata.etag']</c>, <c>["Billing City"]</c>.
/// A leading <c>$.</c> (or a lone <c>$</c>) marks the root.
/// </summary>
internal static class MapPath
{
    public static bool TryParse(string path, out PathSegment[] segments, out bool rooted, out string? error)
    {
        segments = [];
        rooted = false;
        error = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "the path is empty";
            return false;
        }

        var list = new List<PathSegment>();
        var i = 0;
        if (path[0] == '$')
        {
            rooted = true;
            i = 1;
            if (i < path.Length && path[i] == '.')
            {
                i++;
            }
        }

        var expectName = true;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '[')
            {
                var close = path.IndexOf(']', i + 1);
                if (i + 1 < path.Length && path[i + 1] is '\'' or '"')
                {
                    var quote = path[i + 1];
                    var end = path.IndexOf(quote, i + 2);
                    if (end < 0 || end + 1 >= path.Length || path[end + 1] != ']')
                    {
                        error = $"unclosed quoted name at position {i}";
                        return false;
                    }

                    list.Add(PathSegment.Property(path[(i + 2)..end]));
                    i = end + 2;
                }
                else if (close < 0)
                {
                    error = $"unclosed '[' at position {i}";
                    return false;
                }
                else
                {
                    var inner = path[(i + 1)..close].Trim();
                    if (inner == "*")
                    {
                        list.Add(PathSegment.Wildcard);
                    }
                    else if (int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                    {
                        list.Add(PathSegment.Element(index));
                    }
                    else
                    {
                        error = $"'[{inner}]' is neither an index, '*' nor a quoted name";
                        return false;
                    }

                    i = close + 1;
                }

                expectName = false;
                continue;
            }

            if (c == '.')
            {
                if (expectName)
                {
                    error = $"empty name at position {i}";
                    return false;
                }

                expectName = true;
                i++;
                continue;
            }

            var start = i;
            while (i < path.Length && path[i] is not '.' and not '[')
            {
                i++;
            }

            list.Add(PathSegment.Property(path[start..i]));
            expectName = false;
        }

        if (expectName && list.Count > 0)
        {
            error = "the path ends with '.'";
            return false;
        }

        segments = [.. list];
        return true;
    }

    public static PathSegment[] Parse(string path)
        => TryParse(path, out var segments, out _, out var error)
            ? segments
            : throw new FormatException($"'{path}' is not a valid path: {error}.");

    /// <summary>Writes segments back in canonical form, quoting names that need it.</summary>
    public static string Format(IEnumerable<PathSegment> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Property when NeedsQuotes(segment.Name):
                    builder.Append("['").Append(segment.Name).Append("']");
                    break;
                case PathSegmentKind.Property:
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(segment.Name);
                    break;
                case PathSegmentKind.Index:
                    builder.Append('[').Append(segment.Index).Append(']');
                    break;
                default:
                    builder.Append("[*]");
                    break;
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> QuotedCharacters = System.Buffers.SearchValues.Create(". []'\"@$");

    private static bool NeedsQuotes(string name)
        => name.Length == 0 || name.AsSpan().IndexOfAny(QuotedCharacters) >= 0;
}
