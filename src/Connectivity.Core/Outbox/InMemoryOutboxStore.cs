using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.Outbox;

/// <summary>
/// An outbox and its dead letters in memory, for tests and single-process hosts that can lose messages on a
/// restart. Thread-safe; follows the same contract as the durable stores.
/// </summary>
public sealed class InMemoryOutboxStore : IOutboxStore, IDeadLetterStore
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly SortedDictionary<long, Entry> _pending = [];
    private readonly Dictionary<Guid, Entry> _byId = [];
    private readonly Dictionary<Guid, DeadLetterEntry> _deadLetters = [];
    private readonly HashSet<string> _paused = new(StringComparer.Ordinal);
    private long _sequence;
    private long _leaseToken;

    /// <summary>Initializes a new store.</summary>
    /// <param name="timeProvider">The clock for created, lease and delivery times.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public InMemoryOutboxStore(TimeProvider timeProvider)
    {
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    /// <exception cref="InvalidOperationException">A message with the same id is already in the outbox.</exception>
    public ValueTask EnqueueAsync(IReadOnlyList<OutboxMessage> messages, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        if (inMemory is null)
        {
            Add(messages);
        }
        else
        {
            lock (_lock)
            {
                ThrowIfAnyExists(messages);
            }

            inMemory.Enlist(() => Add(messages));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The owner is empty, or the batch size or lease duration is not positive.</exception>
    public ValueTask<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(OutboxClaimRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(request.Owner);
        Guard.Against.NegativeOrZero(request.BatchSize);
        Guard.Against.NegativeOrZero(request.LeaseDuration.Ticks);
        cancellationToken.ThrowIfCancellationRequested();

        var now = _timeProvider.GetUtcNow();
        var claimed = new List<ClaimedOutboxMessage>();
        lock (_lock)
        {
            var keysSeen = new HashSet<string>(StringComparer.Ordinal);
            long token = 0;
            foreach (var entry in _pending.Values)
            {
                if (claimed.Count == request.BatchSize)
                {
                    break;
                }

                if (entry.Message.EntityKey is { } key && !keysSeen.Add(key))
                {
                    continue;
                }

                if ((entry.NotBefore is { } notBefore && notBefore > now)
                    || (entry.LeaseExpiresAt is { } expires && expires > now)
                    || _paused.Contains(entry.Message.Destination))
                {
                    continue;
                }

                if (token == 0)
                {
                    token = ++_leaseToken;
                }

                entry.AttemptCount++;
                entry.LeaseOwner = request.Owner;
                entry.LeaseToken = token;
                entry.LeaseExpiresAt = now + request.LeaseDuration;
                claimed.Add(new ClaimedOutboxMessage(entry.Snapshot(), token, request.Owner, entry.LeaseExpiresAt.Value));
            }
        }

        return new ValueTask<IReadOnlyList<ClaimedOutboxMessage>>(claimed);
    }

    /// <inheritdoc />
    public ValueTask<int> RenewLeasesAsync(IReadOnlyCollection<ClaimedOutboxMessage> claims, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(claims);
        cancellationToken.ThrowIfCancellationRequested();
        var renewed = 0;
        lock (_lock)
        {
            foreach (var claim in claims)
            {
                if (TryGetLeased(claim.Message.Id, claim.LeaseToken, out var entry))
                {
                    entry.LeaseExpiresAt = expiresAt;
                    renewed++;
                }
            }
        }

        return new ValueTask<int>(renewed);
    }

    /// <inheritdoc />
    public ValueTask<bool> MarkDeliveredAsync(Guid messageId, long leaseToken, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!TryGetLeased(messageId, leaseToken, out var entry))
            {
                return new ValueTask<bool>(false);
            }

            _pending.Remove(entry.Sequence);
            entry.ClearLease();
            entry.DeliveredAt = _timeProvider.GetUtcNow();
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="lastError"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> ScheduleRetryAsync(Guid messageId, long leaseToken, DateTimeOffset notBefore, string lastError, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(lastError);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!TryGetLeased(messageId, leaseToken, out var entry))
            {
                return new ValueTask<bool>(false);
            }

            entry.ClearLease();
            entry.NotBefore = notBefore;
            entry.LastError = lastError;
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="errorCode"/> or <paramref name="reason"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="errorCode"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> DeadLetterAsync(Guid messageId, long leaseToken, string errorCode, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(errorCode);
        Guard.Against.NullOrEmpty(reason);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!TryGetLeased(messageId, leaseToken, out var entry))
            {
                return new ValueTask<bool>(false);
            }

            var owner = entry.LeaseOwner!;
            var now = _timeProvider.GetUtcNow();
            _pending.Remove(entry.Sequence);
            _byId.Remove(messageId);
            entry.LastError = reason;
            entry.ClearLease();
            if (!_deadLetters.TryGetValue(messageId, out var deadLetter))
            {
                deadLetter = new DeadLetterEntry();
                _deadLetters.Add(messageId, deadLetter);
            }

            deadLetter.Sequence = ++_sequence;
            deadLetter.Message = entry.Snapshot();
            deadLetter.ErrorCode = errorCode;
            deadLetter.Reason = reason;
            deadLetter.DeadLetteredAt = now;
            deadLetter.Status = DeadLetterStatus.Active;
            deadLetter.History.Add(new DeadLetterAuditEntry(DeadLetterAction.DeadLettered, owner, now, reason));
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    public ValueTask<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(owner);
        cancellationToken.ThrowIfCancellationRequested();
        var released = 0;
        lock (_lock)
        {
            foreach (var entry in _pending.Values)
            {
                if (entry.LeaseOwner == owner)
                {
                    entry.ClearLease();
                    released++;
                }
            }
        }

        return new ValueTask<int>(released);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public ValueTask PauseDestinationAsync(string destination, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _paused.Add(destination);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public ValueTask ResumeDestinationAsync(string destination, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _paused.Remove(destination);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> GetPausedDestinationsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return new ValueTask<IReadOnlyList<string>>(_paused.Order(StringComparer.Ordinal).ToArray());
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> DeleteDeliveredAsync(DateTimeOffset deliveredBefore, int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var doomed = _byId.Values
                .Where(e => e.DeliveredAt is { } at && at < deliveredBefore)
                .OrderBy(e => e.Sequence)
                .Take(maxCount)
                .ToList();
            foreach (var entry in doomed)
            {
                _byId.Remove(entry.Message.Id);
            }

            return new ValueTask<int>(doomed.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            DateTimeOffset? oldest = _pending.Count == 0 ? null : _pending.Values.Min(static e => e.CreatedAt);
            return new ValueTask<OutboxStatistics>(new OutboxStatistics(_pending.Count, oldest));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="limit"/> is not positive.</exception>
    public ValueTask<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterStatus status = DeadLetterStatus.Active, string? destination = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<DeadLetter> list = _deadLetters.Values
                .Where(d => d.Status == status && (destination is null || d.Message.Destination == destination))
                .OrderBy(static d => d.Sequence)
                .Take(limit)
                .Select(static d => d.ToDeadLetter(withHistory: false))
                .ToList();
            return new ValueTask<IReadOnlyList<DeadLetter>>(list);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public ValueTask<DeadLetter?> InspectAsync(Guid messageId, string actor, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_deadLetters.TryGetValue(messageId, out var deadLetter))
            {
                return new ValueTask<DeadLetter?>((DeadLetter?)null);
            }

            deadLetter.History.Add(new DeadLetterAuditEntry(DeadLetterAction.Inspected, actor, _timeProvider.GetUtcNow(), null));
            return new ValueTask<DeadLetter?>(deadLetter.ToDeadLetter(withHistory: true));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> ReplayAsync(Guid messageId, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_deadLetters.TryGetValue(messageId, out var deadLetter) || deadLetter.Status != DeadLetterStatus.Active || _byId.ContainsKey(messageId))
            {
                return new ValueTask<bool>(false);
            }

            var now = _timeProvider.GetUtcNow();
            deadLetter.Status = DeadLetterStatus.Replayed;
            deadLetter.History.Add(new DeadLetterAuditEntry(DeadLetterAction.Replayed, actor, now, note));
            var entry = new Entry(deadLetter.Message, ++_sequence, now);
            _pending.Add(entry.Sequence, entry);
            _byId.Add(messageId, entry);
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> DismissAsync(Guid messageId, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_deadLetters.TryGetValue(messageId, out var deadLetter) || deadLetter.Status != DeadLetterStatus.Active)
            {
                return new ValueTask<bool>(false);
            }

            deadLetter.Status = DeadLetterStatus.Dismissed;
            deadLetter.History.Add(new DeadLetterAuditEntry(DeadLetterAction.Dismissed, actor, _timeProvider.GetUtcNow(), note));
            return new ValueTask<bool>(true);
        }
    }

    private void Add(IReadOnlyList<OutboxMessage> messages)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            ThrowIfAnyExists(messages);
            foreach (var message in messages)
            {
                var entry = new Entry(message, ++_sequence, now) { NotBefore = message.NotBefore };
                _pending.Add(entry.Sequence, entry);
                _byId.Add(message.Id, entry);
            }
        }
    }

    private void ThrowIfAnyExists(IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            Guard.Against.Null(message, nameof(messages));
            if (_byId.ContainsKey(message.Id))
            {
                throw new InvalidOperationException($"A message with id {message.Id} is already in the outbox.");
            }
        }
    }

    private bool TryGetLeased(Guid messageId, long leaseToken, out Entry entry)
    {
        return _byId.TryGetValue(messageId, out entry!) && entry.DeliveredAt is null && entry.LeaseToken == leaseToken && leaseToken != 0;
    }

    private sealed class Entry(OutboxMessage message, long sequence, DateTimeOffset createdAt)
    {
        public OutboxMessage Message { get; } = message;

        public long Sequence { get; } = sequence;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public int AttemptCount { get; set; }

        public DateTimeOffset? NotBefore { get; set; }

        public string? LastError { get; set; }

        public string? LeaseOwner { get; set; }

        public long LeaseToken { get; set; }

        public DateTimeOffset? LeaseExpiresAt { get; set; }

        public DateTimeOffset? DeliveredAt { get; set; }

        public void ClearLease()
        {
            LeaseOwner = null;
            LeaseToken = 0;
            LeaseExpiresAt = null;
        }

        public OutboxMessage Snapshot() =>
            OutboxMessage.Restore(Message.Id, Message.Destination, Message.Payload, Message.EntityKey, Message.Headers, AttemptCount, NotBefore, CreatedAt, LastError);
    }

    private sealed class DeadLetterEntry
    {
        public long Sequence { get; set; }

        public OutboxMessage Message { get; set; } = null!;

        public string ErrorCode { get; set; } = string.Empty;

        public string Reason { get; set; } = string.Empty;

        public DateTimeOffset DeadLetteredAt { get; set; }

        public DeadLetterStatus Status { get; set; }

        public List<DeadLetterAuditEntry> History { get; } = [];

        public DeadLetter ToDeadLetter(bool withHistory) =>
            new(Message, ErrorCode, Reason, DeadLetteredAt, Status, withHistory ? History.ToArray() : []);
    }
}
