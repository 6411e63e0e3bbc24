using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A change to a contract's scope and value, agreed after award.</summary>
public sealed record ChangeOrder
{
    /// <summary>Gets or sets the change order number, unique within the contract.</summary>
    [Required]
    [MinLength(1)]
    public string Number { get; set; } = string.Empty;

    /// <summary>Gets or sets what changes.</summary>
    [Required]
    [MinLength(1)]
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets the change in contract value; negative for a reduction.</summary>
    [Required]
    public Money Amount { get; set; } = new();

    /// <summary>Gets or sets where the change order stands.</summary>
    [Required]
    public ChangeOrderStatus Status { get; set; }

    /// <summary>Gets or sets the day the customer agreed it.</summary>
    public DateOnly? AgreedOn { get; set; }

    /// <summary>Gets or sets the day it was approved.</summary>
    public DateOnly? ApprovedOn { get; set; }
}
