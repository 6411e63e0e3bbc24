using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A part used on a <see cref="WorkOrder"/>.</summary>
public sealed record PartLine
{
    /// <summary>Gets or sets the part number.</summary>
    [Required]
    [MinLength(1)]
    public string PartNumber { get; set; } = string.Empty;

    /// <summary>Gets or sets the part description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets how many were used.</summary>
    [Required]
    public Quantity Quantity { get; set; } = new();

    /// <summary>Gets or sets the price per unit.</summary>
    public Money? UnitPrice { get; set; }

    /// <summary>Gets or sets whether the customer is charged for it (false when an entitlement covers it).</summary>
    public bool Billable { get; set; } = true;
}
