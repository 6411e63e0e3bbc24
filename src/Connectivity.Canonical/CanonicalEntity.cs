using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Connectivity.Canonical;

/// <summary>
/// The envelope every canonical entity carries: identity, where it lives in each connected system,
/// timestamps, deletion, a version for optimistic concurrency and the fields the model does not have.
/// </summary>
public abstract class CanonicalEntity
{
    /// <summary>Gets or sets the canonical id, assigned by the identity map.</summary>
    [Required]
    [MinLength(1)]
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the record's ids in the connected systems; several systems, one entry each.</summary>
    public List<ExternalReference> ExternalReferences { get; set; } = [];

    /// <summary>Gets or sets when the record was created.</summary>
    [Required]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Gets or sets when the record was last modified.</summary>
    [Required]
    public DateTimeOffset ModifiedAt { get; set; }

    /// <summary>Gets or sets whether the record has been deleted (a tombstone).</summary>
    public bool IsDeleted { get; set; }

    /// <summary>Gets or sets the version, incremented on every accepted change, for optimistic concurrency.</summary>
    public long Version { get; set; }

    /// <summary>
    /// Gets or sets fields the model does not have, kept per system and passed through unchanged:
    /// system name to field name to raw JSON value.
    /// </summary>
    public Dictionary<string, Dictionary<string, JsonElement>> CustomFields { get; set; } = [];

    /// <summary>Gets the name of the record's current lifecycle stage, as the lifecycle definition spells it.</summary>
    /// <returns>The stage name.</returns>
    public abstract string GetStageName();

    /// <summary>Gets the record's id in <paramref name="system"/>, if it has one.</summary>
    /// <param name="system">The system name.</param>
    /// <returns>The remote id, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is <see langword="null"/>.</exception>
    public string? GetRemoteId(string system)
    {
        ArgumentNullException.ThrowIfNull(system);
        foreach (var reference in ExternalReferences)
        {
            if (string.Equals(reference.System, system, StringComparison.Ordinal))
            {
                return reference.RemoteId;
            }
        }

        return null;
    }
}
