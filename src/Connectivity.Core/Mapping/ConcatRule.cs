namespace Connectivity.Mapping;

/// <summary>Joins the text of several values with a separator, leaving out absent, null and empty parts; absent when every part is.</summary>
/// <param name="Parts">The values joined, in order.</param>
/// <param name="Separator">The text put between two parts.</param>
public sealed record ConcatRule(IReadOnlyList<ValueRule> Parts, string Separator) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"concat('{Separator}', {string.Join(", ", Parts.Select(static p => p.Describe()))})";
}
