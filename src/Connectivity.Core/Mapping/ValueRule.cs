namespace Connectivity.Mapping;

/// <summary>
/// Produces a target value from the source: a path copied, a constant, a concatenation, a condition,
/// an array built from source elements, a nested object or a host function, followed by
/// <see cref="Transforms"/> in order. Immutable.
/// </summary>
public abstract record ValueRule
{
    private protected ValueRule()
    {
    }

    /// <summary>Gets the steps applied to the produced value, in order.</summary>
    public IReadOnlyList<ValueTransform> Transforms { get; init; } = [];

    /// <summary>Gets a short description of what the rule reads, for explanations.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();
}
