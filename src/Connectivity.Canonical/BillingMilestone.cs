using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>One entry of a contract's billing schedule.</summary>
public sealed record BillingMilestone
{
    /// <summary>Gets or sets the position in the schedule, from 1.</summary>
    [Range(1, int.MaxValue)]
    public int Sequence { get; set; }

    /// <summary>Gets or sets what triggers the billing, for example <c>mobilisation</c> or <c>substantial completion</c>.</summary>
    [Required]
    [MinLength(1)]
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets the day it falls due, when fixed.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Gets or sets the amount to bill.</summary>
    [Required]
    public Money Amount { get; set; } = new();

    /// <summary>Gets or sets the canonical id of the invoice that billed it, once billed.</summary>
    public string? InvoiceId { get; set; }
}
