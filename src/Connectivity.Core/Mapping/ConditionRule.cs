namespace Connectivity.Mapping;

/// <summary>Produces <see cref="Then"/> when the condition holds, otherwise <see cref="Otherwise"/> (absent when none).</summary>
/// <param name="Condition">The test on source values.</param>
/// <param name="Then">The value when the test holds.</param>
/// <param name="Otherwise">The value when it does not; <see langword="null"/> leaves the target absent.</param>
public sealed record ConditionRule(MapCondition Condition, ValueRule Then, ValueRule? Otherwise) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"when {Condition} then {Then.Describe()}{(Otherwise is null ? string.Empty : $" otherwise {Otherwise.Describe()}")}";
}
