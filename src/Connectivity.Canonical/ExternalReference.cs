using System.ComponentModel.DataAnnotations;

namespace Connectivity.Canonical;

/// <summary>Where a canonical record lives in one connected system.</summary>
public sealed record ExternalReference
{
    /// <summary>Gets or sets the name of the system, for example <c>crm</c> or <c>erp</c>.</summary>
    [Required]
    [MinLength(1)]
    public string System { get; set; } = string.Empty;

    /// <summary>Gets or sets the record's id in that system, always as text (vendor ids exceed 2^32 and arrive as numbers or strings).</summary>
    [Required]
    [MinLength(1)]
    public string RemoteId { get; set; } = string.Empty;

    /// <summary>Creates a reference.</summary>
    /// <param name="system">The system name.</param>
    /// <param name="remoteId">The record's id in that system.</param>
    /// <returns>The reference.</returns>
    public static ExternalReference To(string system, string remoteId) => new() { System = system, RemoteId = remoteId };
}
