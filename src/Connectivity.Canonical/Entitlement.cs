using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>What a customer is entitled to for an asset or a contract: warranty, service visits, support.</summary>
public sealed class Entitlement : CanonicalEntity<EntitlementStage>
{
    /// <summary>Gets or sets the display name, for example <c>24-month parts and labour warranty</c>.</summary>
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the kind of cover.</summary>
    [Required]
    public EntitlementKind Kind { get; set; }

    /// <summary>Gets or sets the canonical id of the customer.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the contract that grants it, if any.</summary>
    public string? ContractId { get; set; }

    /// <summary>Gets or sets the canonical id of the asset it covers, if any.</summary>
    public string? AssetId { get; set; }

    /// <summary>Gets or sets the period of cover; open until it starts (for example at handover).</summary>
    public DateRange? Coverage { get; set; }

    /// <summary>Gets or sets how many visits are included, when limited.</summary>
    [Range(0, int.MaxValue)]
    public int? IncludedVisits { get; set; }

    /// <summary>Gets or sets how many visits have been used.</summary>
    [Range(0, int.MaxValue)]
    public int UsedVisits { get; set; }

    /// <summary>Gets or sets the response time promised, in hours.</summary>
    [Range(0, int.MaxValue)]
    public int? ResponseTimeHours { get; set; }
}
