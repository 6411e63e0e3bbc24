using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Canonical.Serialization;

/// <summary>
/// Reads and writes the members of <typeparamref name="TEnum"/> as camelCase strings (<c>onHold</c>),
/// the way the canonical JSON Schemas and lifecycle definitions spell them. Numbers are refused.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Initializes a new instance of the <see cref="CamelCaseEnumConverter{TEnum}"/> class.</summary>
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
