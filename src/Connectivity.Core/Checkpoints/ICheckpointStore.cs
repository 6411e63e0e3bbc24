using Connectivity.Delivery;

namespace Connectivity.Checkpoints;

/// <summary>Keeps a cursor per (connector, stream, partition), saved in the same transaction as the work it records.</summary>
public interface ICheckpointStore
{
    /// <summary>Reads a cursor.</summary>
    /// <param name="key">Whose cursor.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The checkpoint, or <see langword="null"/> when none was saved.</returns>
    ValueTask<Checkpoint?> GetAsync(CheckpointKey key, CancellationToken cancellationToken = default);

    /// <summary>Saves a cursor, replacing the previous one.</summary>
    /// <param name="key">Whose cursor.</param>
    /// <param name="cursor">The cursor.</param>
    /// <param name="transaction">A transaction to enlist in (with the outbox messages of the page), or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the cursor is saved (or enlisted).</returns>
    ValueTask SaveAsync(CheckpointKey key, string cursor, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the cursors of a connector.</summary>
    /// <param name="connector">The connector name.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The checkpoints, ordered by stream and partition.</returns>
    ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string connector, CancellationToken cancellationToken = default);
}
