using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>A person to contact at a customer, site or supplier.</summary>
public sealed record ContactPerson
{
    /// <summary>Gets or sets the given (first) name.</summary>
    public string? GivenName { get; set; }

    /// <summary>Gets or sets the family (last) name.</summary>
    [Required]
    [MinLength(1)]
    public string FamilyName { get; set; } = string.Empty;

    /// <summary>Gets or sets the e-mail address.</summary>
    [EmailAddress]
    public string? Email { get; set; }

    /// <summary>Gets or sets the phone number, as given.</summary>
    public string? Phone { get; set; }

    /// <summary>Gets or sets the role, for example <c>billing</c> or <c>site manager</c>.</summary>
    public string? Role { get; set; }
}
