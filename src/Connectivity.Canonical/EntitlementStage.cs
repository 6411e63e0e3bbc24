using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of an <see cref="Entitlement"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<EntitlementStage>))]
public enum EntitlementStage
{
    /// <summary>Initialised, not yet in force (for example a warranty awaiting handover).</summary>
    Pending,

    /// <summary>In force: covered work is not billed.</summary>
    Active,

    /// <summary>Temporarily not honoured, for example for non-payment.</summary>
    Suspended,

    /// <summary>Ran to the end of its coverage.</summary>
    Expired,

    /// <summary>Ended early.</summary>
    Cancelled,
}
