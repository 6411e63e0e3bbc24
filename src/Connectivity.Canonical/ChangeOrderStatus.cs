using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>Where a <see cref="ChangeOrder"/> stands.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChangeOrderStatus>))]
public enum ChangeOrderStatus
{
    /// <summary>Raised, under discussion.</summary>
    Proposed,

    /// <summary>Agreed with the customer (typically in CRM).</summary>
    Agreed,

    /// <summary>Approved for execution and billing (typically in ERP).</summary>
    Approved,

    /// <summary>Turned down.</summary>
    Rejected,
}
