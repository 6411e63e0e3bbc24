using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Connectivity.Ownership;

/// <summary>
/// The JSON form of an ownership policy (schema: <c>docs/schemas/ownership-policy.schema.json</c>). Load it
/// with <see cref="OwnershipPolicyBuilder.AddJson(string, string?)"/>, which validates it and reports
/// problems with their line and JSON path.
/// </summary>
[Description("An ownership policy: which system owns which field of which entity, at which lifecycle stage.")]
public sealed class OwnershipPolicyDocument
{
    /// <summary>Gets or sets the URI of the JSON Schema the document follows, for editors.</summary>
    [JsonPropertyName("$schema")]
    [Description("The JSON Schema the document follows, for editors.")]
    public string? Schema { get; set; }

    /// <summary>Gets or sets the names of the systems the policy talks about, for example <c>crm</c>, <c>erp</c>, <c>service</c>.</summary>
    [Description("The systems the policy talks about; owners must be one of them.")]
    public List<string> Systems { get; set; } = [];

    /// <summary>Gets or sets the owner of every field no other rule names, in every entity.</summary>
    [Description("The owner of fields that no entity rule names.")]
    public string? DefaultOwner { get; set; }

    /// <summary>Gets or sets the rules per entity type, keyed by entity name.</summary>
    [Description("The rules per entity type, keyed by entity name, for example customer or workOrder.")]
    public Dictionary<string, EntityOwnershipDocument> Entities { get; set; } = [];
}
