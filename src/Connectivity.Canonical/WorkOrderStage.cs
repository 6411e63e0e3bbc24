using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of a <see cref="WorkOrder"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WorkOrderStage>))]
public enum WorkOrderStage
{
    /// <summary>Raised, not yet planned.</summary>
    New,

    /// <summary>Given a time window.</summary>
    Scheduled,

    /// <summary>Sent to a technician.</summary>
    Dispatched,

    /// <summary>Technician on site, work under way.</summary>
    InProgress,

    /// <summary>Work done, awaiting review and billing.</summary>
    Completed,

    /// <summary>Reviewed and closed.</summary>
    Closed,

    /// <summary>Called off.</summary>
    Cancelled,
}
