using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.ChangeTracking;

/// <summary>An <see cref="IBaseSnapshotStore"/> in process memory: for tests and single-process hosts. Thread-safe.</summary>
/// <remarks>
/// A write in an <see cref="InMemoryStoreTransaction"/> is applied at once, so the revision check stays a single atomic
/// step and a concurrent saver of the same revision loses as it would against a committed save; it is undone if the
/// transaction is disposed without a commit. Other callers can therefore see a base that is later rolled back (the
/// in-memory stores do not isolate transactions); the undo only puts the previous base back while the rolled-back one
/// is still stored, so it never overwrites a later save.
/// </remarks>
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
    /// <exception cref="ArgumentException"><paramref name="expectedRevision"/> is negative, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    public ValueTask<bool> TrySaveAsync(RecordKey key, BaseSnapshot snapshot, long expectedRevision, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(snapshot);
        Guard.Against.Negative(expectedRevision);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);

        var stored = new BaseSnapshot(snapshot.Utf8Json.ToArray(), expectedRevision + 1, snapshot.SourceVersion, snapshot.SourceModifiedAt);
        var replaced = TrySave(key, stored, expectedRevision, out var saved);
        if (saved)
        {
            inMemory?.Enlist(null, () => Restore(key, stored, replaced));
        }

        return new(saved);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    public ValueTask<bool> RemoveAsync(RecordKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        if (!_snapshots.TryRemove(key, out var removed))
        {
            return new(false);
        }

        // Given back only if nobody saved a first revision in the meantime.
        inMemory?.Enlist(null, () => _snapshots.TryAdd(key, removed));
        return new(true);
    }

    private BaseSnapshot? TrySave(RecordKey key, BaseSnapshot stored, long expectedRevision, out bool saved)
    {
        if (expectedRevision == 0)
        {
            saved = _snapshots.TryAdd(key, stored);
            return null;
        }

        while (_snapshots.TryGetValue(key, out var current))
        {
            if (current.Revision != expectedRevision)
            {
                break;
            }

            if (_snapshots.TryUpdate(key, stored, current))
            {
                saved = true;
                return current;
            }
        }

        saved = false;
        return null;
    }

    private void Restore(RecordKey key, BaseSnapshot rolledBack, BaseSnapshot? previous)
    {
        // BaseSnapshot compares by reference: the undo applies only while the rolled-back save is the one stored.
        if (previous is null)
        {
            _snapshots.TryRemove(KeyValuePair.Create(key, rolledBack));
        }
        else
        {
            _snapshots.TryUpdate(key, previous, rolledBack);
        }
    }
}
