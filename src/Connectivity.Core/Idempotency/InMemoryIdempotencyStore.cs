using Ardalis.GuardClauses;
using Connectivity.Diagnostics.Internal;
using Microsoft.Extensions.Options;

namespace Connectivity.Idempotency;

/// <summary>An <see cref="IIdempotencyStore"/> in memory, for tests and single-process hosts. Thread-safe.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly IdempotencyOptions _options;

    /// <summary>Initializes a new store.</summary>
    /// <param name="options">The expiry and in-flight timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public InMemoryIdempotencyStore(IOptions<IdempotencyOptions> options, TimeProvider timeProvider)
    {
        _options = Guard.Against.Null(options).Value;
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="fingerprint"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="fingerprint"/> is <see langword="null"/>.</exception>
    public ValueTask<IdempotencyResult> TryBeginAsync(string key, string fingerprint, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(key);
        Guard.Against.NullOrEmpty(fingerprint);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
            {
                if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return new ValueTask<IdempotencyResult>(IdempotencyResult.Mismatch(entry.ExpiresAt));
                }

                if (entry.Completed)
                {
                    DeliveryTelemetry.DuplicateAbsorbed("idempotency");
                    return new ValueTask<IdempotencyResult>(IdempotencyResult.Completed(entry.Result, entry.ExpiresAt));
                }

                if (entry.LockedUntil > now)
                {
                    return new ValueTask<IdempotencyResult>(IdempotencyResult.InFlight(entry.ExpiresAt));
                }
            }

            entry = new Entry(fingerprint, Guid.NewGuid().ToString("N"), now + _options.InFlightTimeout, now + _options.Expiry);
            _entries[key] = entry;
            return new ValueTask<IdempotencyResult>(IdempotencyResult.New(entry.Token, entry.ExpiresAt));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="leaseToken"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="leaseToken"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> CompleteAsync(string key, string leaseToken, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(key);
        Guard.Against.NullOrEmpty(leaseToken);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.Completed || entry.Token != leaseToken)
            {
                return new ValueTask<bool>(false);
            }

            entry.Completed = true;
            entry.Result = result.ToArray();
            entry.ExpiresAt = now + _options.Expiry;
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="leaseToken"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="leaseToken"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> AbandonAsync(string key, string leaseToken, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(key);
        Guard.Against.NullOrEmpty(leaseToken);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.Completed || entry.Token != leaseToken)
            {
                return new ValueTask<bool>(false);
            }

            _entries.Remove(key);
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            var doomed = _entries.Where(e => e.Value.ExpiresAt <= now).Take(maxCount).Select(static e => e.Key).ToList();
            foreach (var key in doomed)
            {
                _entries.Remove(key);
            }

            return new ValueTask<int>(doomed.Count);
        }
    }

    private sealed class Entry(string fingerprint, string token, DateTimeOffset lockedUntil, DateTimeOffset expiresAt)
    {
        public string Fingerprint { get; } = fingerprint;

        public string Token { get; } = token;

        public DateTimeOffset LockedUntil { get; } = lockedUntil;

        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

        public bool Completed { get; set; }

        public byte[] Result { get; set; } = [];
    }
}
