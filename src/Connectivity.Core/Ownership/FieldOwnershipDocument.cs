using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Connectivity.Ownership;

/// <summary>One field rule in an <see cref="EntityOwnershipDocument"/>: a path, its owner and the stages it applies at.</summary>
[Description("A field rule: the path, its owner and the lifecycle stages the rule applies at.")]
public sealed class FieldOwnershipDocument
{
    /// <summary>Gets or sets the field path: <c>creditLimit</c>, <c>billingAddress.*</c>, <c>lines[*].amount</c>. A path covers the fields below it.</summary>
    [Required]
    [MinLength(1)]
    [Description("The field path, for example creditLimit, billingAddress.* or lines[*].amount; it covers the fields below it.")]
    public string Path { get; set; } = string.Empty;

    /// <summary>Gets or sets the system that owns the field.</summary>
    [Required]
    [MinLength(1)]
    [Description("The system that owns the field.")]
    public string Owner { get; set; } = string.Empty;

    /// <summary>Gets or sets the lifecycle stages the rule applies at; every stage when left out.</summary>
    [Description("The lifecycle stages the rule applies at; every stage when left out.")]
    public List<string>? Stages { get; set; }
}
