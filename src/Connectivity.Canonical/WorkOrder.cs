using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A job for a technician: a repair, a preventive visit or an installation.</summary>
public sealed class WorkOrder : CanonicalEntity<WorkOrderStage>
{
    /// <summary>Gets or sets the work order number.</summary>
    [Required]
    [MinLength(1)]
    public string Number { get; set; } = string.Empty;

    /// <summary>Gets or sets a one-line summary.</summary>
    [Required]
    [MinLength(1)]
    public string Summary { get; set; } = string.Empty;

    /// <summary>Gets or sets the full description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets how urgent it is.</summary>
    public WorkOrderPriority Priority { get; set; } = WorkOrderPriority.Normal;

    /// <summary>Gets or sets the canonical id of the customer.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the site.</summary>
    public string? SiteId { get; set; }

    /// <summary>Gets or sets the canonical id of the asset worked on.</summary>
    public string? AssetId { get; set; }

    /// <summary>Gets or sets the canonical id of the entitlement that covers the work, if any.</summary>
    public string? EntitlementId { get; set; }

    /// <summary>Gets or sets the canonical id of the project the work belongs to, if any.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the window the visit is planned for.</summary>
    public DateRange? ScheduledWindow { get; set; }

    /// <summary>Gets or sets the technician assigned.</summary>
    public ContactPerson? AssignedTechnician { get; set; }

    /// <summary>Gets or sets when the work was completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Gets or sets the labour booked.</summary>
    public List<LabourLine> LabourLines { get; set; } = [];

    /// <summary>Gets or sets the parts used.</summary>
    public List<PartLine> PartLines { get; set; } = [];
}
