using Connectivity.Connectors.Http.Paging;
using Connectivity.Connectors.Incremental;
using Connectivity.Delivery;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// The changes of one page read by an <see cref="EntityReader{TEntity}"/>, and the position to save once they are processed.
/// Save it with <see cref="CommitAsync"/> in the same transaction as the work the changes caused.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class EntityChangeBatch<TEntity>
    where TEntity : class
{
    private readonly IncrementalReader? _checkpoints;
    private readonly IncrementalBatch? _source;

    internal EntityChangeBatch(IReadOnlyList<EntityChange<TEntity>> changes, HttpPage page, IncrementalReader? checkpoints, IncrementalBatch? source)
    {
        Changes = changes;
        Page = page;
        _checkpoints = checkpoints;
        _source = source;
    }

    /// <summary>Gets one change per record not processed before, in page order; failures included.</summary>
    public IReadOnlyList<EntityChange<TEntity>> Changes { get; }

    /// <summary>Gets the page the changes came from.</summary>
    public HttpPage Page { get; }

    /// <summary>Gets the position after these changes; <see langword="null"/> for a full walk or when nothing has been read yet.</summary>
    public IncrementalCursor? Checkpoint => _source?.Checkpoint;

    /// <summary>Gets a value indicating whether the read stopped at its page cap with more pages left (<see cref="HttpPage.HasMore"/>).</summary>
    public bool IsTruncated => Page.HasMore;

    /// <summary>Saves <see cref="Checkpoint"/> through the <see cref="IncrementalReader"/> the batch was read with; does nothing for a full walk.</summary>
    /// <param name="transaction">The transaction of the batch's work, or <see langword="null"/> to save at once.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the position is saved (or enlisted).</returns>
    public ValueTask CommitAsync(IStoreTransaction? transaction = null, CancellationToken cancellationToken = default) =>
        _checkpoints is not null && _source is not null
            ? _checkpoints.CommitAsync(_source, transaction, cancellationToken)
            : ValueTask.CompletedTask;
}
