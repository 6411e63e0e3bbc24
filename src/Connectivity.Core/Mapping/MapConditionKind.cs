namespace Connectivity.Mapping;

/// <summary>What a <see cref="MapCondition"/> tests.</summary>
public enum MapConditionKind
{
    /// <summary>The path has a value that is not null (nor a null sentinel).</summary>
    Exists,

    /// <summary>The path is absent or null.</summary>
    Missing,

    /// <summary>The value at the path equals one of the given values.</summary>
    Equals,

    /// <summary>The value at the path equals none of the given values.</summary>
    NotEquals,

    /// <summary>Every inner condition holds.</summary>
    All,

    /// <summary>At least one inner condition holds.</summary>
    Any,

    /// <summary>The single inner condition does not hold.</summary>
    Not,
}
