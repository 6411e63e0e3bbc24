namespace Connectivity.Mapping;

#pragma warning disable CA1720 // The members are named after the JSON types they stand for.

/// <summary>The JSON shape a target field expects.</summary>
public enum MapTargetKind
{
    /// <summary>Any JSON value.</summary>
    Any,

    /// <summary>A string.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number, exact.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A calendar date written as <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A date and time with offset, ISO 8601.</summary>
    DateTime,

    /// <summary>An object with known fields.</summary>
    Object,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An enumeration written as one of known strings.</summary>
    Enumeration,
}
