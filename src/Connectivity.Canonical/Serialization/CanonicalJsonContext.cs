using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Canonical.Serialization;

/// <summary>
/// The System.Text.Json source-generated context (exposed through <see cref="CanonicalJson"/>) for every canonical type: camelCase names, enums as
/// camelCase strings, nulls left out, no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(Contract))]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(WorkOrder))]
[JsonSerializable(typeof(Entitlement))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Quantity))]
[JsonSerializable(typeof(DateRange))]
[JsonSerializable(typeof(PostalAddress))]
[JsonSerializable(typeof(ContactPerson))]
[JsonSerializable(typeof(ExternalReference))]
internal sealed partial class CanonicalJsonContext : JsonSerializerContext;
