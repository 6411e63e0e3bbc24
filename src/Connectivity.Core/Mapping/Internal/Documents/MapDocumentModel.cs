using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Mapping.Internal.Documents;

// The shape of a map document, as types: the JSON Schema in docs/schemas/map-document.schema.json is generated
// from these (a test fails when it differs), and a test checks that the reader knows exactly these keys.
#pragma warning disable CA1812 // Instantiated by the schema generator through reflection, never by this library.

/// <summary>A map document: how a system's payload becomes a target payload or entity.</summary>
[Description("A Connectivity map document: how a system's payload becomes a target payload or canonical entity.")]
internal sealed class MapDocumentModel
{
    [JsonPropertyName("$schema")]
    [Description("The JSON Schema of this document, for editors.")]
    public string? Schema { get; set; }

    [Required]
    [Description("The map's name, for example crm-account-to-erp-customer.")]
    public string Name { get; set; } = string.Empty;

    [Description("The system the payload comes from, for example crm, or canonical for an outbound map.")]
    public string? Source { get; set; }

    [Description("The entity an outbound map reads, for example customer; checked against the ownership policy.")]
    public string? SourceEntity { get; set; }

    [Description("The system the output is for, for example erp, or canonical for an inbound map.")]
    public string? Target { get; set; }

    [Description("The entity an inbound map writes, for example customer; its fields and types are checked when the map loads.")]
    public string? Entity { get; set; }

    [Description("How the map treats source quirks.")]
    public MapOptionsModel? Options { get; set; }

    [Description("Lookup tables from source values to target values, by name.")]
    public Dictionary<string, ValueMapModel>? ValueMaps { get; set; }

    [Required]
    [Description("Target field (dotted for nested objects) to the rule producing it, in write order.")]
    public Dictionary<string, RuleModel> Fields { get; set; } = [];
}

[Description("How the map treats source quirks.")]
internal sealed class MapOptionsModel
{
    [Description("String values read as null wherever a path is read, for example \"\", \" \", \"UNKNOWN\", the all-zero GUID.")]
    public List<string>? NullSentinels { get; set; }

    [Description("Which member of a {display_value, value} object a path reads when it meets one.")]
    public ValueObjectMemberModel? UnwrapValueObjects { get; set; }

    [Description("A target object (for example customFields.crm) that receives every top-level source field no rule reads.")]
    public string? CaptureUnmappedInto { get; set; }

    [Description("Whether null values are written (true) or the fields left out (false, the default).")]
    public bool? WriteNulls { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ValueObjectMemberModel>))]
internal enum ValueObjectMemberModel
{
    None,
    Value,
    DisplayValue,
}

[Description("A lookup table from source values to target values.")]
internal sealed class ValueMapModel
{
    [Required]
    [Description("Source value (as text) to target value.")]
    public Dictionary<string, JsonElement> Entries { get; set; } = [];

    [Description("The value for a source value with no entry.")]
    public JsonElement? Default { get; set; }

    [Description("Whether source values are compared ignoring case.")]
    public bool? IgnoreCase { get; set; }

    [Description("What happens to a source value with no entry: error, useDefault or passThrough. Defaults to useDefault when a default is given, else error.")]
    public UnknownValueModel? OnUnknown { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<UnknownValueModel>))]
internal enum UnknownValueModel
{
    Error,
    UseDefault,
    PassThrough,
}

[Description("How one value is produced: exactly one source (copy, const, concat, call, when, firstOf, object, each, pick, array), then transforms in order.")]
internal sealed class RuleModel
{
    [Description("Copies the value at a source path, for example BillingAddress.City or ['@odata.etag'].")]
    public string? Copy { get; set; }

    [Description("The same JSON value for every record.")]
    public JsonElement? Const { get; set; }

    [Description("Joins the text of these source paths with 'separator', leaving out absent and empty parts.")]
    public List<string>? Concat { get; set; }

    [Description("The text between two parts of 'concat'.")]
    public string? Separator { get; set; }

    [Description("Calls the host function of this name with 'args'.")]
    public string? Call { get; set; }

    [Description("The source paths passed to 'call'.")]
    public List<string>? Args { get; set; }

    [Description("A condition: 'then' when it holds, else 'otherwise' (or nothing).")]
    public ConditionModel? When { get; set; }

    [Description("The rule used when 'when' holds.")]
    public RuleModel? Then { get; set; }

    [Description("The rule used when 'when' does not hold.")]
    public RuleModel? Otherwise { get; set; }

    [Description("The first of these source paths that is neither absent nor null.")]
    public List<string>? FirstOf { get; set; }

    [Description("A nested object: field to rule.")]
    public Dictionary<string, RuleModel>? Object { get; set; }

    [Description("Maps each element of the source array at this path (ending in [*]) with 'element', optionally filtered by 'where'.")]
    public string? Each { get; set; }

    [Description("The rule for each element of 'each'; its paths are relative to the element ($. reads from the record root).")]
    public RuleModel? Element { get; set; }

    [Description("Keeps the elements of 'each' (or picks the element of 'pick') that satisfy this condition.")]
    public ConditionModel? Where { get; set; }

    [Description("Picks the first element of the source array at this path (ending in [*]) satisfying 'where' and reads 'value' from it.")]
    public string? Pick { get; set; }

    [Description("The path read from the element 'pick' chose.")]
    public string? Value { get; set; }

    [Description("Builds an array from these rules; absent items are left out.")]
    public List<RuleModel>? Array { get; set; }

    [Description("Steps applied to the value, in order.")]
    public List<TransformModel>? Transforms { get; set; }
}

[Description("A test on source values: exists, missing, path with equals/in/notIn, all, any or not.")]
internal sealed class ConditionModel
{
    [Description("Holds when this path has a non-null value.")]
    public string? Exists { get; set; }

    [Description("Holds when this path is absent or null.")]
    public string? Missing { get; set; }

    [Description("The path compared by equals, in or notIn.")]
    public string? Path { get; set; }

    [JsonPropertyName("equals")]
    [Description("Holds when the value at 'path' equals this (compared as text).")]
    public JsonElement? EqualTo { get; set; }

    [Description("Holds when the value at 'path' is one of these.")]
    public List<JsonElement>? In { get; set; }

    [Description("Holds when the value at 'path' is none of these.")]
    public List<JsonElement>? NotIn { get; set; }

    [Description("Whether equals, in and notIn ignore case.")]
    public bool? IgnoreCase { get; set; }

    [Description("Holds when every condition holds.")]
    public List<ConditionModel>? All { get; set; }

    [Description("Holds when any condition holds.")]
    public List<ConditionModel>? Any { get; set; }

    [Description("Holds when this condition does not.")]
    public ConditionModel? Not { get; set; }
}

[Description("One step applied to a value.")]
internal sealed class TransformModel
{
    [Required]
    [Description("What the step does.")]
    public ValueTransformKind Kind { get; set; }

    [Description("split: the separator.")]
    public string? Separator { get; set; }

    [Description("split: the part kept, from 0; negative counts from the end.")]
    public int? Index { get; set; }

    [Description("substring: the first character kept.")]
    public int? Start { get; set; }

    [Description("substring: how many characters are kept at most.")]
    public int? Length { get; set; }

    [Description("padLeft, padRight: the width.")]
    public int? Width { get; set; }

    [Description("padLeft, padRight: the padding character.")]
    public string? Char { get; set; }

    [Description("valueMap: the value map's name.")]
    public string? Name { get; set; }

    [Description("toDate, toDateTime: custom input formats (.NET format strings); ISO 8601, /Date(ms)/ and epoch numbers when none.")]
    public List<string>? Formats { get; set; }

    [Description("toDate, toDateTime: the output format (.NET format string); ISO 8601 when absent.")]
    public string? Output { get; set; }

    [Description("toDate, toDateTime: how numbers are read: milliseconds (default) or seconds since 1970.")]
    public EpochModel? Epoch { get; set; }

    [Description("default: the value used when the value is absent, null or blank.")]
    public JsonElement? Value { get; set; }

    [Description("nullIf: the strings treated as null.")]
    public List<string>? Values { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<EpochModel>))]
internal enum EpochModel
{
    Milliseconds,
    Seconds,
}

#pragma warning restore CA1812
