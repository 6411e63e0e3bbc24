using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.Checkpoints;

/// <summary>An <see cref="ICheckpointStore"/> in memory, for tests and single-process hosts. Thread-safe.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<CheckpointKey, Checkpoint> _checkpoints = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new store.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public InMemoryCheckpointStore(TimeProvider timeProvider)
    {
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    public ValueTask<Checkpoint?> GetAsync(CheckpointKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return new ValueTask<Checkpoint?>(_checkpoints.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="cursor"/> is <see langword="null"/>.</exception>
    public ValueTask SaveAsync(CheckpointKey key, string cursor, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.Null(cursor);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        if (inMemory is null)
        {
            Save(key, cursor);
        }
        else
        {
            inMemory.Enlist(() => Save(key, cursor));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="connector"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="connector"/> is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string connector, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(connector);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<Checkpoint> list = _checkpoints.Values
                .Where(c => c.Key.Connector == connector)
                .OrderBy(static c => c.Key.Stream, StringComparer.Ordinal)
                .ThenBy(static c => c.Key.Partition, StringComparer.Ordinal)
                .ToList();
            return new ValueTask<IReadOnlyList<Checkpoint>>(list);
        }
    }

    private void Save(CheckpointKey key, string cursor)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            _checkpoints[key] = new Checkpoint(key, cursor, now);
        }
    }
}
