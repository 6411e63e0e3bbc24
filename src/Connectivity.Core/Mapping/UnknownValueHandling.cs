namespace Connectivity.Mapping;

/// <summary>What a value map does with a value it has no entry for.</summary>
public enum UnknownValueHandling
{
    /// <summary>An error naming the value (the default when no default value is given).</summary>
    Error,

    /// <summary>Produces the table's default value.</summary>
    UseDefault,

    /// <summary>Keeps the value as it came.</summary>
    PassThrough,
}
