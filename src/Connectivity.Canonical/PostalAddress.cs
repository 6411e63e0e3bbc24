using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A postal address.</summary>
public sealed class PostalAddress
{
    /// <summary>Gets or sets the street lines, first to last.</summary>
    public List<string> Lines { get; set; } = [];

    /// <summary>Gets or sets the city or locality.</summary>
    public string? City { get; set; }

    /// <summary>Gets or sets the state, province or region.</summary>
    public string? Region { get; set; }

    /// <summary>Gets or sets the postal code, kept as text (leading zeros matter).</summary>
    public string? PostalCode { get; set; }

    /// <summary>Gets or sets the ISO 3166-1 alpha-2 country code, for example <c>DE</c>.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string CountryCode { get; set; } = string.Empty;
}
