using System.Globalization;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using Connectivity.Checkpoints;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Connectors.Http.Paging.Internal;
using Connectivity.Delivery;

namespace Connectivity.Connectors.Incremental;

/// <summary>
/// Reads a stream of changes from where it last got to, so a crash loses nothing and repeats nothing. The target is asked for
/// records at or after the saved cursor value (inclusive, so records that share it are never skipped) in (cursor, id) order; records
/// at or before the saved (value, id) were processed already and are dropped. Save the position of each batch with
/// <see cref="CommitAsync"/>, in the same transaction as the work the batch caused.
/// </summary>
public sealed class IncrementalReader
{
    private readonly ICheckpointStore _store;
    private readonly IncrementalReadOptions _options;

    /// <summary>Initializes a new reader.</summary>
    /// <param name="store">Where the position is kept.</param>
    /// <param name="options">What to read; read once, here.</param>
    /// <exception cref="ArgumentException"><see cref="IncrementalReadOptions.Key"/> is not set, a path is empty, or the lookback is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public IncrementalReader(ICheckpointStore store, IncrementalReadOptions options)
    {
        _store = Guard.Against.Null(store);
        _options = Guard.Against.Null(options);
        Guard.Against.Default(options.Key, nameof(options));
        Guard.Against.NullOrWhiteSpace(options.CursorPath, nameof(options));
        Guard.Against.NullOrWhiteSpace(options.IdPath, nameof(options));
        Guard.Against.Negative(options.LookbackWindow.Ticks, nameof(options));
    }

    /// <summary>Loads the saved position.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The position, or <see langword="null"/> when the stream was never read.</returns>
    public async ValueTask<IncrementalCursor?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var checkpoint = await _store.GetAsync(_options.Key, cancellationToken).ConfigureAwait(false);
        return IncrementalCursor.TryParse(checkpoint?.Cursor, out var cursor) ? cursor : null;
    }

    /// <summary>Gets the cursor value to ask the target for ("changed at or after"), with the lookback window applied to a time.</summary>
    /// <param name="position">The saved position, or <see langword="null"/>.</param>
    /// <returns>The value, or <see langword="null"/> to read from the start.</returns>
    public string? GetQueryStart(IncrementalCursor? position)
    {
        if (position is not { } p)
        {
            return null;
        }

        if (_options.LookbackWindow > TimeSpan.Zero && IncrementalCursor.TryParseInstant(p.Value, out var instant))
        {
            return (instant - _options.LookbackWindow).ToString("O", CultureInfo.InvariantCulture);
        }

        return p.Value;
    }

    /// <summary>Reads the changes since the saved position, one batch per page.</summary>
    /// <param name="readPages">Reads the pages of changes at or after a cursor value (<see langword="null"/>: from the start), in (cursor, id) order.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The batches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="readPages"/> is <see langword="null"/>.</exception>
    public async IAsyncEnumerable<IncrementalBatch> ReadAsync(
        Func<string?, IAsyncEnumerable<HttpPage>> readPages,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(readPages);
        var saved = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var position = saved;
        var dropProcessed = _options.LookbackWindow == TimeSpan.Zero;
        await foreach (var page in readPages(GetQueryStart(saved)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var fresh = new List<ReadOnlyMemory<byte>>(page.Records.Count);
            foreach (var record in page.Records)
            {
                var value = JsonPath.GetString(record.Span, _options.CursorPath);
                var id = JsonPath.GetString(record.Span, _options.IdPath);
                if (value is null || id is null)
                {
                    // A record without a position cannot move the checkpoint; it is delivered and left to the map to report.
                    fresh.Add(record);
                    continue;
                }

                var at = new IncrementalCursor(value, id);
                if (dropProcessed && saved is { } done && at.CompareTo(done) <= 0)
                {
                    continue;
                }

                fresh.Add(record);
                if (position is not { } current || at.CompareTo(current) > 0)
                {
                    position = at;
                }
            }

            yield return new IncrementalBatch(page, fresh, position);
        }
    }

    /// <summary>Saves the position after a batch.</summary>
    /// <param name="batch">The processed batch.</param>
    /// <param name="transaction">The transaction of the batch's work, or <see langword="null"/> to save at once.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the position is saved (or enlisted).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    public ValueTask CommitAsync(IncrementalBatch batch, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(batch);
        return batch.Checkpoint is { } position
            ? _store.SaveAsync(_options.Key, position.Serialize(), transaction, cancellationToken)
            : ValueTask.CompletedTask;
    }
}
