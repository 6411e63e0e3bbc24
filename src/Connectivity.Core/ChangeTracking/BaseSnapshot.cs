namespace Connectivity.ChangeTracking;

/// <summary>
/// The last-synced canonical snapshot of a record for one system (the base of three-way change detection),
/// with the newest version and modification time seen from that system. Immutable.
/// </summary>
public sealed class BaseSnapshot
{
    /// <summary>Initializes a new instance of the <see cref="BaseSnapshot"/> class.</summary>
    /// <param name="utf8Json">The canonical JSON the system is known to hold.</param>
    /// <param name="revision">The store's revision of the snapshot, for optimistic concurrency; 0 before it is saved.</param>
    /// <param name="sourceVersion">The newest version seen from the system, if it sends one.</param>
    /// <param name="sourceModifiedAt">The newest modification time seen from the system, if it sends one.</param>
    public BaseSnapshot(ReadOnlyMemory<byte> utf8Json, long revision = 0, long? sourceVersion = null, DateTimeOffset? sourceModifiedAt = null)
    {
        Utf8Json = utf8Json;
        Revision = revision;
        SourceVersion = sourceVersion;
        SourceModifiedAt = sourceModifiedAt;
    }

    /// <summary>Gets the canonical JSON the system is known to hold.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>Gets the store's revision of the snapshot; a save names the revision it replaces.</summary>
    public long Revision { get; }

    /// <summary>Gets the newest version seen from the system, if any.</summary>
    public long? SourceVersion { get; }

    /// <summary>Gets the newest modification time seen from the system, if any.</summary>
    public DateTimeOffset? SourceModifiedAt { get; }
}
