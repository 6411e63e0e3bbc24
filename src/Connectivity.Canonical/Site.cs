using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A place where work is done and assets are installed: a building, a plant, a customer location.</summary>
public sealed class Site : CanonicalEntity<SiteStage>
{
    /// <summary>Gets or sets the site name.</summary>
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the canonical id of the customer the site belongs to.</summary>
    [Required]
    [MinLength(1)]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the site's address.</summary>
    [Required]
    public PostalAddress Address { get; set; } = new();

    /// <summary>Gets or sets the IANA time zone of the site, for example <c>Europe/Berlin</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets the person to contact on site.</summary>
    public ContactPerson? SiteContact { get; set; }

    /// <summary>Gets or sets access instructions for technicians.</summary>
    public string? AccessNotes { get; set; }
}
