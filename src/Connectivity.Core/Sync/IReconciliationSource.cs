namespace Connectivity.Sync;

/// <summary>Reads every record of one entity type from one system, mapped to canonical JSON, for the <see cref="Reconciler"/>.</summary>
public interface IReconciliationSource
{
    /// <summary>Gets the system read.</summary>
    string System { get; }

    /// <summary>Gets the entity type read.</summary>
    string EntityType { get; }

    /// <summary>Reads every record (a full walk, not changes), each mapped by the system's inbound map, references as the system's ids.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<SyncRecord> ReadAllAsync(CancellationToken cancellationToken = default);
}
