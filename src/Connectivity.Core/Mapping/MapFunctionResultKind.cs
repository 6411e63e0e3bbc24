namespace Connectivity.Mapping;

/// <summary>What a <see cref="MapFunctionResult"/> holds.</summary>
public enum MapFunctionResultKind
{
    /// <summary>No value: the target field is left out.</summary>
    Absent,

    /// <summary>JSON null.</summary>
    Null,

    /// <summary>A string.</summary>
    Text,

    /// <summary>An exact number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>The function could not produce a value; the record gets an error with the message.</summary>
    Failure,
}
