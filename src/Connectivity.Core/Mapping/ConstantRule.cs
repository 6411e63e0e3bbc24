using System.Text.Json;

namespace Connectivity.Mapping;

/// <summary>Produces the same JSON value for every record.</summary>
/// <param name="Value">The value.</param>
public sealed record ConstantRule(JsonElement Value) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"constant {Value.GetRawText()}";
}
