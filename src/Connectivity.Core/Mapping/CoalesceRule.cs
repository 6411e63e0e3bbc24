namespace Connectivity.Mapping;

/// <summary>Produces the first value that is neither absent nor null.</summary>
/// <param name="Candidates">The values tried, in order.</param>
public sealed record CoalesceRule(IReadOnlyList<ValueRule> Candidates) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"first of ({string.Join(", ", Candidates.Select(static c => c.Describe()))})";
}
