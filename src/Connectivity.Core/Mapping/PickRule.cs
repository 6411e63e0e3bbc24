namespace Connectivity.Mapping;

/// <summary>
/// Picks the first element of a source array that satisfies a condition and produces a value from it,
/// for custom fields that arrive as <c>[{"id": 123, "value": "x"}]</c>.
/// </summary>
/// <param name="Path">The source array, ending in <c>[*]</c>.</param>
/// <param name="Where">The condition the element must satisfy (paths relative to the element).</param>
/// <param name="Value">The value produced from the element (paths relative to the element).</param>
public sealed record PickRule(string Path, MapCondition Where, ValueRule Value) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"pick {Path} where {Where}: {Value.Describe()}";
}
