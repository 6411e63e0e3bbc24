using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of a <see cref="Customer"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CustomerStage>))]
public enum CustomerStage
{
    /// <summary>Known to sales, not yet trading.</summary>
    Prospect,

    /// <summary>Trading: orders, projects and invoices may be raised.</summary>
    Active,

    /// <summary>Temporarily blocked, for example over credit.</summary>
    OnHold,

    /// <summary>No longer trading.</summary>
    Inactive,
}
