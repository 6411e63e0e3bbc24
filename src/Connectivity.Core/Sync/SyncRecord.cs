using Ardalis.GuardClauses;

namespace Connectivity.Sync;

/// <summary>One record a system sent (from a webhook or a poll), already mapped to canonical JSON by the system's inbound map.</summary>
public sealed record SyncRecord
{
    /// <summary>Initializes a new instance of the <see cref="SyncRecord"/> class.</summary>
    /// <param name="system">The sending system.</param>
    /// <param name="entityType">The entity type.</param>
    /// <param name="remoteId">The sender's id of the record.</param>
    /// <param name="canonicalJson">The record as canonical JSON (a JSON object); reference fields carry the sender's ids.</param>
    /// <exception cref="ArgumentException">A name or id is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">A name or id is <see langword="null"/>.</exception>
    public SyncRecord(string system, string entityType, string remoteId, ReadOnlyMemory<byte> canonicalJson)
    {
        System = Guard.Against.NullOrWhiteSpace(system);
        EntityType = Guard.Against.NullOrWhiteSpace(entityType);
        RemoteId = Guard.Against.NullOrWhiteSpace(remoteId);
        CanonicalJson = canonicalJson;
    }

    /// <summary>Gets the sending system.</summary>
    public string System { get; }

    /// <summary>Gets the entity type.</summary>
    public string EntityType { get; }

    /// <summary>Gets the sender's id of the record.</summary>
    public string RemoteId { get; }

    /// <summary>Gets the record as canonical JSON.</summary>
    public ReadOnlyMemory<byte> CanonicalJson { get; }

    /// <summary>
    /// Gets the delivery's id (a webhook's event id), or <see langword="null"/> for a polled record. A delivery id already accepted
    /// from the same system is a duplicate and changes nothing.
    /// </summary>
    public string? DeliveryId { get; init; }

    /// <summary>
    /// Gets the canonical id the sender stores with the record (the external key Connectivity wrote to it), or <see langword="null"/>.
    /// A record Connectivity created in the sender is linked by it even when the sender reports it before the write's link is recorded.
    /// </summary>
    public string? CanonicalIdHint { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{System}/{EntityType}/{RemoteId}";
}
