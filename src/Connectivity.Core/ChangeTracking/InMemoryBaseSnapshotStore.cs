using System.Collections.Concurrent;
using Ardalis.GuardClauses;

namespace Connectivity.ChangeTracking;

/// <summary>An <see cref="IBaseSnapshotStore"/> in process memory: for tests and single-process hosts. Thread-safe.</summary>
public sealed class InMemoryBaseSnapshotStore : IBaseSnapshotStore
{
    private readonly ConcurrentDictionary<RecordKey, BaseSnapshot> _snapshots = new();

    /// <inheritdoc />
    public ValueTask<BaseSnapshot?> GetAsync(RecordKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(_snapshots.GetValueOrDefault(key));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedRevision"/> is negative.</exception>
    public ValueTask<bool> TrySaveAsync(RecordKey key, BaseSnapshot snapshot, long expectedRevision, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(snapshot);
        Guard.Against.Negative(expectedRevision);
        cancellationToken.ThrowIfCancellationRequested();

        var stored = new BaseSnapshot(snapshot.Utf8Json.ToArray(), expectedRevision + 1, snapshot.SourceVersion, snapshot.SourceModifiedAt);
        if (expectedRevision == 0)
        {
            return new(_snapshots.TryAdd(key, stored));
        }

        while (_snapshots.TryGetValue(key, out var current))
        {
            if (current.Revision != expectedRevision)
            {
                return new(false);
            }

            if (_snapshots.TryUpdate(key, stored, current))
            {
                return new(true);
            }
        }

        return new(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(RecordKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(_snapshots.TryRemove(key, out _));
    }
}
