using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>What kind of cover an <see cref="Entitlement"/> gives.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<EntitlementKind>))]
public enum EntitlementKind
{
    /// <summary>Manufacturer's or installer's warranty.</summary>
    Warranty,

    /// <summary>A paid maintenance or service contract.</summary>
    ServiceContract,

    /// <summary>A software or equipment subscription.</summary>
    Subscription,

    /// <summary>Support hours or tickets.</summary>
    Support,
}
