using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Diagnostics.Internal;
using Microsoft.Extensions.Options;

namespace Connectivity.Inbox;

/// <summary>An <see cref="IInboxStore"/> in memory, for tests and single-process hosts. Thread-safe.</summary>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Source, string MessageId), DateTimeOffset> _received = [];
    private readonly TimeProvider _timeProvider;
    private readonly InboxOptions _options;

    /// <summary>Initializes a new store.</summary>
    /// <param name="options">The de-duplication window.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public InMemoryInboxStore(IOptions<InboxOptions> options, TimeProvider timeProvider)
    {
        _options = Guard.Against.Null(options).Value;
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="messageId"/> is empty, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="messageId"/> is <see langword="null"/>.</exception>
    public ValueTask<InboxResult> TryAcceptAsync(string source, string messageId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(source);
        Guard.Against.NullOrEmpty(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        var now = _timeProvider.GetUtcNow();
        var key = (source, messageId);
        lock (_lock)
        {
            if (_received.TryGetValue(key, out var firstReceived) && firstReceived + _options.DeduplicationWindow > now)
            {
                DeliveryTelemetry.DuplicateAbsorbed("inbox", source);
                return new ValueTask<InboxResult>(new InboxResult(InboxOutcome.Duplicate, firstReceived));
            }

            _received[key] = now;
        }

        // The mark is taken at once so a concurrent delivery sees it, and given back if the transaction rolls back.
        inMemory?.Enlist(null, () =>
        {
            lock (_lock)
            {
                if (_received.TryGetValue(key, out var at) && at == now)
                {
                    _received.Remove(key);
                }
            }
        });
        return new ValueTask<InboxResult>(new InboxResult(InboxOutcome.Accepted, now));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        var boundary = _timeProvider.GetUtcNow() - _options.DeduplicationWindow;
        lock (_lock)
        {
            var doomed = _received.Where(e => e.Value <= boundary).Take(maxCount).Select(static e => e.Key).ToList();
            foreach (var key in doomed)
            {
                _received.Remove(key);
            }

            return new ValueTask<int>(doomed.Count);
        }
    }
}
