namespace Connectivity.Mapping;

/// <summary>Calls a function the host registered in a <see cref="MapFunctionRegistry"/>, with arguments produced by rules.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments, in order.</param>
public sealed record FunctionRule(string Name, IReadOnlyList<ValueRule> Arguments) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"{Name}({string.Join(", ", Arguments.Select(static a => a.Describe()))})";
}
