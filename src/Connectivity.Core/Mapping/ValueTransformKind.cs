namespace Connectivity.Mapping;

/// <summary>What a <see cref="ValueTransform"/> does to a value.</summary>
public enum ValueTransformKind
{
    /// <summary>Removes leading and trailing white space from a string.</summary>
    Trim,

    /// <summary>Upper-cases a string (invariant culture).</summary>
    Upper,

    /// <summary>Lower-cases a string (invariant culture).</summary>
    Lower,

    /// <summary>Splits a string by <see cref="ValueTransform.Text"/> and keeps the part at <see cref="ValueTransform.Index"/> (negative counts from the end).</summary>
    Split,

    /// <summary>Keeps <see cref="ValueTransform.Length"/> characters from <see cref="ValueTransform.Index"/> (fewer when the string is shorter).</summary>
    Substring,

    /// <summary>Pads a string on the left with <see cref="ValueTransform.Text"/> to <see cref="ValueTransform.Length"/> characters.</summary>
    PadLeft,

    /// <summary>Pads a string on the right with <see cref="ValueTransform.Text"/> to <see cref="ValueTransform.Length"/> characters.</summary>
    PadRight,

    /// <summary>Writes any scalar as a string (numbers keep their digits).</summary>
    ToText,

    /// <summary>An integer from a number or a string, every digit kept; a fraction is an error.</summary>
    ToInteger,

    /// <summary>A decimal from a number or a string, exact: a value a .NET decimal cannot hold exactly is an error, never rounded.</summary>
    ToDecimal,

    /// <summary>Any JSON number from a number or a string, digits kept as given.</summary>
    ToNumber,

    /// <summary>A boolean from true/false, 1/0, or the spellings yes/no, y/n, on/off, t/f (any case).</summary>
    ToBoolean,

    /// <summary>A calendar date (see <see cref="ValueTransform.Formats"/> and <see cref="ValueTransform.OutputFormat"/>).</summary>
    ToDate,

    /// <summary>A date and time with offset: ISO 8601, offsets without a colon, <c>/Date(ms±zzzz)/</c>, epoch seconds or milliseconds, or custom formats.</summary>
    ToDateTime,

    /// <summary>Looks the value up in the value map named <see cref="ValueTransform.Text"/>.</summary>
    ValueMap,

    /// <summary>Uses <see cref="ValueTransform.Value"/> when the value is absent, null or blank.</summary>
    Default,

    /// <summary>An error when the value is absent, null or blank.</summary>
    Required,

    /// <summary>Treats the string values in <see cref="ValueTransform.Formats"/> as null.</summary>
    NullIf,
}
