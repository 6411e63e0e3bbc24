using System.ComponentModel;

namespace Connectivity.Ownership;

/// <summary>The ownership rules of one entity type in an <see cref="OwnershipPolicyDocument"/>.</summary>
[Description("The ownership rules of one entity type.")]
public sealed class EntityOwnershipDocument
{
    /// <summary>Gets or sets the owner of the entity's fields that no rule names.</summary>
    [Description("The owner of the entity's fields that no rule names.")]
    public string? DefaultOwner { get; set; }

    /// <summary>Gets or sets the field rules. The most specific path wins; of equally specific ones, the later.</summary>
    [Description("Field rules; the most specific path wins, of equally specific ones the later.")]
    public List<FieldOwnershipDocument> Fields { get; set; } = [];
}
