using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.ChangeTracking;

/// <summary>An <see cref="IConflictStore"/> in process memory: for tests and single-process hosts. Thread-safe.</summary>
public sealed class InMemoryConflictStore : IConflictStore
{
    private readonly ConcurrentDictionary<(RecordKey Key, string FieldPath), FieldConflict> _conflicts = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="conflict"/> is <see langword="null"/>.</exception>
    public ValueTask AddAsync(FieldConflict conflict, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(conflict);
        var inMemory = InMemoryStoreTransaction.From(transaction);
        cancellationToken.ThrowIfCancellationRequested();
        var slot = (conflict.Key, conflict.FieldPath);
        _conflicts.TryGetValue(slot, out var previous);
        _conflicts[slot] = conflict;
        inMemory?.Enlist(null, () =>
        {
            if (previous is null)
            {
                ((ICollection<KeyValuePair<(RecordKey, string), FieldConflict>>)_conflicts).Remove(new(slot, conflict));
            }
            else
            {
                _conflicts.TryUpdate(slot, previous, conflict);
            }
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlyList<FieldConflict>> ListAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(entityType);
        Guard.Against.Null(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<FieldConflict> list = [.. _conflicts.Values
            .Where(c => c.Key.EntityType == entityType && c.Key.CanonicalId == canonicalId)
            .OrderBy(static c => c.DetectedAt)
            .ThenBy(static c => c.FieldPath, StringComparer.Ordinal)
            .ThenBy(static c => c.Key.System, StringComparer.Ordinal)];
        return new(list);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="fieldPath"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> RemoveAsync(RecordKey key, string fieldPath, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(fieldPath);
        cancellationToken.ThrowIfCancellationRequested();
        return new(_conflicts.TryRemove((key, fieldPath), out _));
    }
}
