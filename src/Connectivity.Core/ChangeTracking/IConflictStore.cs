using Connectivity.Delivery;

namespace Connectivity.ChangeTracking;

/// <summary>
/// Holds open conflicts until a person or a rule resolves them. One conflict per record, field and sending
/// system: a newer one replaces the older. Implementations must be safe for concurrent use across processes.
/// </summary>
public interface IConflictStore
{
    /// <summary>Adds a conflict, replacing an open one for the same record, field and system.</summary>
    /// <param name="conflict">The conflict.</param>
    /// <param name="transaction">A store transaction to join (the change commits or rolls back with it), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the conflict is stored.</returns>
    ValueTask AddAsync(FieldConflict conflict, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the open conflicts of a record, from every system, oldest first.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The conflicts; empty when none.</returns>
    ValueTask<IReadOnlyList<FieldConflict>> ListAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default);

    /// <summary>Removes a conflict once resolved.</summary>
    /// <param name="key">The record and the system that sent the change.</param>
    /// <param name="fieldPath">The field path.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when a conflict was removed.</returns>
    ValueTask<bool> RemoveAsync(RecordKey key, string fieldPath, CancellationToken cancellationToken = default);
}
