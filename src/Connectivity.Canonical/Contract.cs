using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>An agreement with a customer: its lines, its billing schedule and the change orders agreed since.</summary>
public sealed class Contract : CanonicalEntity<ContractStage>
{
    /// <summary>Gets or sets the contract number.</summary>
    [Required]
    [MinLength(1)]
    public string Number { get; set; } = string.Empty;

    /// <summary>Gets or sets the title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the canonical id of the customer.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the project the contract governs, if any.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the original contract value, before change orders.</summary>
    [Required]
    public Money OriginalValue { get; set; } = new();

    /// <summary>Gets or sets the period the contract is in force.</summary>
    public DateRange? Term { get; set; }

    /// <summary>Gets or sets the contract lines.</summary>
    public List<ContractLine> Lines { get; set; } = [];

    /// <summary>Gets or sets when and how much is billed.</summary>
    public List<BillingMilestone> BillingSchedule { get; set; } = [];

    /// <summary>Gets or sets the change orders raised against the contract.</summary>
    public List<ChangeOrder> ChangeOrders { get; set; } = [];
}
