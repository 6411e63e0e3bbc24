using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>An installed, serviceable item: a chiller, a lift, a machine, a licence seat.</summary>
public sealed class Asset : CanonicalEntity<AssetStage>
{
    /// <summary>Gets or sets the asset tag or number.</summary>
    public string? Number { get; set; }

    /// <summary>Gets or sets the display name.</summary>
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the manufacturer's serial number.</summary>
    public string? SerialNumber { get; set; }

    /// <summary>Gets or sets the product or model code.</summary>
    public string? ProductCode { get; set; }

    /// <summary>Gets or sets the manufacturer.</summary>
    public string? Manufacturer { get; set; }

    /// <summary>Gets or sets the canonical id of the owning customer.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the site it is installed at.</summary>
    public string? SiteId { get; set; }

    /// <summary>Gets or sets the canonical id of the project that delivered it.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the day it was installed.</summary>
    public DateOnly? InstalledOn { get; set; }

    /// <summary>Gets or sets the day it entered service (handover).</summary>
    public DateOnly? InServiceOn { get; set; }
}
