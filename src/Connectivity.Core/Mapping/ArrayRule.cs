namespace Connectivity.Mapping;

/// <summary>Builds a target array from several values (billing and shipping address to an address list); absent items are left out.</summary>
/// <param name="Items">The items, in order.</param>
public sealed record ArrayRule(IReadOnlyList<ValueRule> Items) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"array [{string.Join(", ", Items.Select(static i => i.Describe()))}]";
}
