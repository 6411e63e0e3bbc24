using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>How urgent a <see cref="WorkOrder"/> is.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WorkOrderPriority>))]
public enum WorkOrderPriority
{
    /// <summary>Whenever convenient.</summary>
    Low,

    /// <summary>Within the normal service level.</summary>
    Normal,

    /// <summary>Ahead of normal work.</summary>
    High,

    /// <summary>Now: safety or outage.</summary>
    Emergency,
}
