using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>Time a technician booked on a <see cref="WorkOrder"/>.</summary>
public sealed record LabourLine
{
    /// <summary>Gets or sets what was done.</summary>
    [Required]
    [MinLength(1)]
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets who did it.</summary>
    public string? Technician { get; set; }

    /// <summary>Gets or sets the time spent, usually in hours.</summary>
    [Required]
    public Quantity Duration { get; set; } = new();

    /// <summary>Gets or sets the rate charged per unit of time.</summary>
    public Money? Rate { get; set; }

    /// <summary>Gets or sets whether the customer is charged for it (false when an entitlement covers it).</summary>
    public bool Billable { get; set; } = true;
}
