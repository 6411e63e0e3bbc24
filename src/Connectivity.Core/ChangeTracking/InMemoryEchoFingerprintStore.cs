using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.ChangeTracking;

/// <summary>
/// An <see cref="IEchoFingerprintStore"/> in process memory, bounded by <see cref="EchoGuardOptions"/>: expired
/// fingerprints are never returned and are pruned, each record keeps its newest few, and when more records
/// than allowed are remembered the least recently written are forgotten. Thread-safe.
/// </summary>
public sealed class InMemoryEchoFingerprintStore : IEchoFingerprintStore
{
    private readonly ConcurrentDictionary<RecordKey, EchoFingerprint[]> _fingerprints = new();
    private readonly TimeProvider _timeProvider;
    private readonly EchoGuardOptions _options;

    /// <summary>Initializes a new instance of the <see cref="InMemoryEchoFingerprintStore"/> class.</summary>
    /// <param name="timeProvider">The clock that decides expiry.</param>
    /// <param name="options">The bounds; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A bound is not positive.</exception>
    public InMemoryEchoFingerprintStore(TimeProvider timeProvider, EchoGuardOptions? options = null)
    {
        _timeProvider = Guard.Against.Null(timeProvider);
        _options = options ?? new EchoGuardOptions();
        Guard.Against.NegativeOrZero(_options.TimeToLive);
        Guard.Against.NegativeOrZero(_options.MaxFingerprintsPerRecord);
        Guard.Against.NegativeOrZero(_options.MaxRecords);
    }

    /// <summary>Gets how many records and systems are remembered.</summary>
    public int Count => _fingerprints.Count;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="fingerprint"/> is <see langword="null"/>.</exception>
    public ValueTask AddAsync(EchoFingerprint fingerprint, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(fingerprint);
        InMemoryStoreTransaction.From(transaction)?.Enlist(null, () => Forget(fingerprint));
        cancellationToken.ThrowIfCancellationRequested();
        var notBefore = _timeProvider.GetUtcNow() - _options.TimeToLive;
        var max = _options.MaxFingerprintsPerRecord;
        _fingerprints.AddOrUpdate(
            fingerprint.Key,
            static (_, state) => [state.fingerprint],
            static (_, existing, state) => [state.fingerprint, .. existing.Where(f => f.WrittenAt >= state.notBefore).Take(state.max - 1)],
            (fingerprint, notBefore, max));

        if (_fingerprints.Count > _options.MaxRecords)
        {
            Trim(notBefore);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EchoFingerprint>> GetAsync(RecordKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_fingerprints.TryGetValue(key, out var fingerprints))
        {
            return new([]);
        }

        var notBefore = _timeProvider.GetUtcNow() - _options.TimeToLive;
        if (fingerprints[^1].WrittenAt >= notBefore)
        {
            return new(fingerprints);
        }

        var live = fingerprints.Where(f => f.WrittenAt >= notBefore).ToArray();
        if (live.Length == 0)
        {
            ((ICollection<KeyValuePair<RecordKey, EchoFingerprint[]>>)_fingerprints).Remove(new(key, fingerprints));
        }

        return new(live);
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(RecordKey key, DateTimeOffset writtenAtOrBefore, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        var inMemory = InMemoryStoreTransaction.From(transaction);
        cancellationToken.ThrowIfCancellationRequested();
        while (_fingerprints.TryGetValue(key, out var fingerprints))
        {
            var kept = fingerprints.Where(f => f.WrittenAt > writtenAtOrBefore).ToArray();
            var removed = fingerprints.Where(f => f.WrittenAt <= writtenAtOrBefore).ToArray();
            var done = kept.Length == 0
                ? ((ICollection<KeyValuePair<RecordKey, EchoFingerprint[]>>)_fingerprints).Remove(new(key, fingerprints))
                : kept.Length == fingerprints.Length || _fingerprints.TryUpdate(key, kept, fingerprints);
            if (done)
            {
                if (removed.Length > 0)
                {
                    inMemory?.Enlist(null, () => Restore(key, removed));
                }

                break;
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Forget(EchoFingerprint fingerprint)
    {
        while (_fingerprints.TryGetValue(fingerprint.Key, out var fingerprints))
        {
            var kept = Array.FindAll(fingerprints, f => !ReferenceEquals(f, fingerprint));
            var done = kept.Length == 0
                ? ((ICollection<KeyValuePair<RecordKey, EchoFingerprint[]>>)_fingerprints).Remove(new(fingerprint.Key, fingerprints))
                : kept.Length == fingerprints.Length || _fingerprints.TryUpdate(fingerprint.Key, kept, fingerprints);
            if (done)
            {
                return;
            }
        }
    }

    private void Restore(RecordKey key, EchoFingerprint[] removed)
        => _fingerprints.AddOrUpdate(
            key,
            static (_, restored) => restored,
            static (_, existing, restored) => [.. existing.Concat(restored).OrderByDescending(static f => f.WrittenAt)],
            removed);

    private void Trim(DateTimeOffset notBefore)
    {
        // Expired records go first; then the least recently written until the bound holds again.
        foreach (var (key, value) in _fingerprints)
        {
            if (value[0].WrittenAt < notBefore)
            {
                ((ICollection<KeyValuePair<RecordKey, EchoFingerprint[]>>)_fingerprints).Remove(new(key, value));
            }
        }

        var excess = _fingerprints.Count - _options.MaxRecords;
        if (excess <= 0)
        {
            return;
        }

        foreach (var (key, value) in _fingerprints.OrderBy(static p => p.Value[0].WrittenAt).Take(excess).ToList())
        {
            ((ICollection<KeyValuePair<RecordKey, EchoFingerprint[]>>)_fingerprints).Remove(new(key, value));
        }
    }
}
