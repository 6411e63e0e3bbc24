using System.Collections.Frozen;
using System.Diagnostics;
using Ardalis.GuardClauses;
using Connectivity.Delivery.Internal;
using Connectivity.Diagnostics.Internal;
using Connectivity.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Connectivity.Delivery;

/// <summary>
/// Moves messages from an <see cref="IOutboxStore"/> to their destination writers: claims a batch under a lease,
/// delivers each message, marks it delivered, retries failures with exponential backoff and jitter (honouring a
/// writer's <see cref="DeliveryResult.RetryAfter"/>), and dead-letters a message after the configured attempts.
/// Several dispatchers, in one process or many, may share one store. While a batch is being delivered its leases are
/// renewed every third of <see cref="OutboxDispatcherOptions.LeaseDuration"/>, so a slow destination does not let another
/// dispatcher claim and send the same message again.
/// </summary>
/// <remarks>
/// Runs in a host as a hosted service (<c>AddOutboxDispatcher</c>), or without one: call <see cref="RunAsync"/> or
/// drive it pass by pass with <see cref="RunOnceAsync"/>.
/// </remarks>
public sealed partial class OutboxDispatcher
{
    private readonly IOutboxStore _store;
    private readonly FrozenDictionary<string, IDestinationWriter> _writers;
    private readonly OutboxDispatcherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private DateTimeOffset _nextCleanup;

    /// <summary>Initializes a new dispatcher.</summary>
    /// <param name="store">The outbox.</param>
    /// <param name="writers">The destination writers, one per destination name.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for leases, backoff and retention.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two writers serve the same destination.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' <see cref="OutboxDispatcherOptions.LeaseDuration"/> is outside 30 ms to 30 days.</exception>
    public OutboxDispatcher(IOutboxStore store, IEnumerable<IDestinationWriter> writers, IOptions<OutboxDispatcherOptions> options, TimeProvider timeProvider, ILogger<OutboxDispatcher>? logger = null)
    {
        _store = Guard.Against.Null(store);
        Guard.Against.Null(writers);
        _options = Guard.Against.Null(options).Value;
        _timeProvider = Guard.Against.Null(timeProvider);
        if (_options.LeaseDuration < OutboxDispatcherConstants.MinLeaseDuration || _options.LeaseDuration > OutboxDispatcherConstants.MaxLeaseDuration)
        {
            // Checked here too, for options that skipped validation: the renewal timer would refuse it after a claim.
            throw new ArgumentOutOfRangeException(nameof(options), _options.LeaseDuration, $"LeaseDuration must be between {OutboxDispatcherConstants.MinLeaseDuration} and {OutboxDispatcherConstants.MaxLeaseDuration}.");
        }
        _logger = logger ?? (ILogger)NullLogger.Instance;

        var byDestination = new Dictionary<string, IDestinationWriter>(StringComparer.Ordinal);
        foreach (var writer in writers)
        {
            if (!byDestination.TryAdd(writer.Destination, writer))
            {
                throw new ArgumentException($"Two destination writers serve '{writer.Destination}'.", nameof(writers));
            }
        }

        _writers = byDestination.ToFrozenDictionary(StringComparer.Ordinal);
        Owner = _options.Owner ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        _nextCleanup = _timeProvider.GetUtcNow();
    }

    /// <summary>Gets the name recorded with this dispatcher's leases.</summary>
    public string Owner { get; }

    /// <summary>Runs passes until <paramref name="cancellationToken"/> is cancelled, waiting <see cref="OutboxDispatcherOptions.PollInterval"/>
    /// when there is nothing to claim, and cleaning up delivered messages every <see cref="OutboxDispatcherOptions.CleanupInterval"/>.
    /// A store failure is logged and retried after the poll interval.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the loop stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_options.ReleaseOwnLeasesOnStart && _options.Owner is not null)
        {
            var released = await _store.ReleaseLeasesAsync(Owner, cancellationToken).ConfigureAwait(false);
            if (released > 0)
            {
                Log.LeasesReleased(_logger, Owner, released);
            }
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var pass = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
                var now = _timeProvider.GetUtcNow();
                if (now >= _nextCleanup)
                {
                    _nextCleanup = now + _options.CleanupInterval;
                    await CleanupAsync(cancellationToken).ConfigureAwait(false);
                }

                if (pass.Claimed == 0)
                {
                    DeliveryTelemetry.RecordStatistics(await _store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false), now);
                    await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must outlive a store that is briefly unavailable.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.PassFailed(_logger, ex, Owner);
                try
                {
                    await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims one batch and delivers it, renewing the batch's leases while it is delivered.</summary>
    /// <param name="cancellationToken">A token to cancel the pass; messages not finished keep their lease until it expires.</param>
    /// <returns>What the pass did.</returns>
    public async ValueTask<OutboxDispatchResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await _store.ClaimAsync(new OutboxClaimRequest(Owner, _options.BatchSize, _options.LeaseDuration), cancellationToken).ConfigureAwait(false);
        DeliveryTelemetry.RecordClaimed(claimed.Count);
        if (claimed.Count == 0)
        {
            return default;
        }

        var tally = new Tally();
        var held = new InFlight(claimed);
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The timer starts now, with the leases, not when the renewal task first runs.
        using var renewal = new PeriodicTimer(_options.LeaseDuration / 3, _timeProvider);
        var renewing = RenewLeasesAsync(renewal, held, stopRenewing.Token);
        try
        {
            if (_options.MaxConcurrentDeliveries == 1 || claimed.Count == 1)
            {
                foreach (var message in claimed)
                {
                    tally.Add(await DispatchAsync(message, held, cancellationToken).ConfigureAwait(false));
                }
            }
            else
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentDeliveries, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(claimed, parallel, async (message, ct) => tally.Add(await DispatchAsync(message, held, ct).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }
        finally
        {
            await stopRenewing.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        return new OutboxDispatchResult(claimed.Count, tally.Delivered, tally.Retried, tally.DeadLettered, tally.LeasesLost);
    }

    /// <summary>Stops the delivery of messages for <paramref name="destination"/>, in every dispatcher sharing the store; other destinations keep flowing.</summary>
    /// <param name="destination">The destination name.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the destination is paused.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public ValueTask PauseAsync(string destination, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        return _store.PauseDestinationAsync(destination, cancellationToken);
    }

    /// <summary>Resumes the delivery of messages for <paramref name="destination"/>.</summary>
    /// <param name="destination">The destination name.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the destination is resumed.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public ValueTask ResumeAsync(string destination, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        return _store.ResumeDestinationAsync(destination, cancellationToken);
    }

    /// <summary>Deletes messages delivered longer than <see cref="OutboxDispatcherOptions.DeliveredRetention"/> ago, in batches of
    /// <see cref="OutboxDispatcherOptions.CleanupBatchSize"/>, until none is left.</summary>
    /// <param name="cancellationToken">A token to cancel the cleanup between batches.</param>
    /// <returns>How many messages were deleted.</returns>
    public async ValueTask<int> CleanupAsync(CancellationToken cancellationToken = default)
    {
        var boundary = _timeProvider.GetUtcNow() - _options.DeliveredRetention;
        var total = 0;
        int deleted;
        do
        {
            deleted = await _store.DeleteDeliveredAsync(boundary, _options.CleanupBatchSize, cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == _options.CleanupBatchSize && !cancellationToken.IsCancellationRequested);

        return total;
    }

    /// <summary>
    /// Extends the leases of the batch's messages not yet finished, every tick, until stopped. A renewal that fails (a locked
    /// or unreachable store) is logged and the next tick tries again: a failed tick leaves two thirds of the lease.
    /// </summary>
    private async Task RenewLeasesAsync(PeriodicTimer timer, InFlight held, CancellationToken stop)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var claims = held.Snapshot();
                if (claims.Count == 0)
                {
                    continue;
                }

                try
                {
                    await _store.RenewLeasesAsync(claims, _timeProvider.GetUtcNow() + _options.LeaseDuration, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A failed renewal must not fail the deliveries; the next tick tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.RenewalFailed(_logger, ex, Owner);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The batch is done.
        }
    }

    private async ValueTask<Step> DispatchAsync(ClaimedOutboxMessage claimed, InFlight held, CancellationToken cancellationToken)
    {
        try
        {
            return await DispatchAsync(claimed, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            held.Remove(claimed);
        }
    }

    private async ValueTask<Step> DispatchAsync(ClaimedOutboxMessage claimed, CancellationToken cancellationToken)
    {
        var message = claimed.Message;
        using var activity = StartActivity(message);

        DeliveryResult result;
        if (!_writers.TryGetValue(message.Destination, out var writer))
        {
            result = DeliveryResult.PermanentFailure($"No destination writer is registered for '{message.Destination}'.", DeliveryErrorCodes.UnknownDestination);
        }
        else
        {
            try
            {
                result = await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A writer's exception is a failed attempt, not the dispatcher's.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = DeliveryResult.TransientFailure($"{ex.GetType().Name}: {ex.Message}", errorCode: DeliveryErrorCodes.WriterException);
            }
        }

        activity?.SetTag("connectivity.delivery.outcome", result.Outcome.ToString());
        return result.Outcome switch
        {
            DeliveryOutcome.Delivered => await MarkDeliveredAsync(claimed, activity, cancellationToken).ConfigureAwait(false),
            DeliveryOutcome.PermanentFailure when message.AttemptCount >= _options.PermanentFailureMaxAttempts =>
                await DeadLetterAsync(claimed, result.ErrorCode!, result.Reason!, activity, cancellationToken).ConfigureAwait(false),
            DeliveryOutcome.TransientFailure when message.AttemptCount >= _options.MaxAttempts =>
                await DeadLetterAsync(claimed, DeliveryErrorCodes.AttemptsExhausted, $"Gave up after {message.AttemptCount} attempts; last: {result.ErrorCode} {result.Reason}", activity, cancellationToken).ConfigureAwait(false),
            _ => await RetryAsync(claimed, result, activity, cancellationToken).ConfigureAwait(false),
        };
    }

    private async ValueTask<Step> MarkDeliveredAsync(ClaimedOutboxMessage claimed, Activity? activity, CancellationToken cancellationToken)
    {
        if (!await _store.MarkDeliveredAsync(claimed.Message.Id, claimed.LeaseToken, cancellationToken).ConfigureAwait(false))
        {
            return LeaseLost(claimed, activity);
        }

        DeliveryTelemetry.RecordDelivered(claimed.Message.Destination);
        return Step.Delivered;
    }

    private async ValueTask<Step> RetryAsync(ClaimedOutboxMessage claimed, DeliveryResult result, Activity? activity, CancellationToken cancellationToken)
    {
        var message = claimed.Message;
        var delay = RetryBackoff.Next(_options.BaseRetryDelay, _options.MaxRetryDelay, message.AttemptCount, Random.Shared.NextDouble());
        if (result.RetryAfter is { } retryAfter && retryAfter > delay)
        {
            delay = retryAfter;
        }

        var notBefore = _timeProvider.GetUtcNow() + delay;
        var error = $"{result.ErrorCode} {result.Reason}";
        if (!await _store.ScheduleRetryAsync(message.Id, claimed.LeaseToken, notBefore, error, cancellationToken).ConfigureAwait(false))
        {
            return LeaseLost(claimed, activity);
        }

        activity?.SetStatus(ActivityStatusCode.Error, error);
        DeliveryTelemetry.RecordRetried(message.Destination, result.ErrorCode!);
        Log.RetryScheduled(_logger, message.Id, message.Destination, message.AttemptCount, notBefore, error);
        return Step.Retried;
    }

    private async ValueTask<Step> DeadLetterAsync(ClaimedOutboxMessage claimed, string errorCode, string reason, Activity? activity, CancellationToken cancellationToken)
    {
        var message = claimed.Message;
        if (!await _store.DeadLetterAsync(message.Id, claimed.LeaseToken, errorCode, reason, cancellationToken).ConfigureAwait(false))
        {
            return LeaseLost(claimed, activity);
        }

        activity?.SetStatus(ActivityStatusCode.Error, reason);
        DeliveryTelemetry.RecordDeadLettered(message.Destination, errorCode);
        Log.DeadLettered(_logger, message.Id, message.Destination, message.AttemptCount, errorCode, reason);
        return Step.DeadLettered;
    }

    private Step LeaseLost(ClaimedOutboxMessage claimed, Activity? activity)
    {
        activity?.SetTag("connectivity.outbox.lease_lost", true);
        DeliveryTelemetry.RecordLeaseLost(claimed.Message.Destination);
        Log.LeaseLost(_logger, claimed.Message.Id, Owner, claimed.LeaseToken);
        return Step.LeaseLost;
    }

    private static Activity? StartActivity(OutboxMessage message)
    {
        if (!DeliveryTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        ActivityContext parent = default;
        if (message.Headers.TryGetValue(OutboxMessage.TraceParentHeader, out var traceParent))
        {
            message.Headers.TryGetValue(OutboxMessage.TraceStateHeader, out var traceState);
            ActivityContext.TryParse(traceParent, traceState, isRemote: true, out parent);
        }

        var activity = DeliveryTelemetry.ActivitySource.StartActivity("outbox deliver", ActivityKind.Producer, parent);
        if (activity is not null)
        {
            activity.SetTag("messaging.message.id", message.Id.ToString());
            activity.SetTag("messaging.destination.name", message.Destination);
            activity.SetTag("connectivity.outbox.attempt", message.AttemptCount);
        }

        return activity;
    }

    private enum Step
    {
        Delivered,
        Retried,
        DeadLettered,
        LeaseLost,
    }

    private sealed class Tally
    {
        private int _delivered;
        private int _retried;
        private int _deadLettered;
        private int _leasesLost;

        public int Delivered => _delivered;

        public int Retried => _retried;

        public int DeadLettered => _deadLettered;

        public int LeasesLost => _leasesLost;

        public void Add(Step step)
        {
            switch (step)
            {
                case Step.Delivered:
                    Interlocked.Increment(ref _delivered);
                    break;
                case Step.Retried:
                    Interlocked.Increment(ref _retried);
                    break;
                case Step.DeadLettered:
                    Interlocked.Increment(ref _deadLettered);
                    break;
                default:
                    Interlocked.Increment(ref _leasesLost);
                    break;
            }
        }
    }

    /// <summary>The claims of one batch whose messages are still being delivered.</summary>
    private sealed class InFlight(IReadOnlyList<ClaimedOutboxMessage> claims)
    {
        private readonly Dictionary<Guid, ClaimedOutboxMessage> _claims = claims.ToDictionary(static c => c.Message.Id);

        public IReadOnlyCollection<ClaimedOutboxMessage> Snapshot()
        {
            lock (_claims)
            {
                return [.. _claims.Values];
            }
        }

        public void Remove(ClaimedOutboxMessage claim)
        {
            lock (_claims)
            {
                _claims.Remove(claim.Message.Id);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Dispatcher {Owner} released {Count} leases of its previous run.")]
        public static partial void LeasesReleased(ILogger logger, string owner, int count);

        [LoggerMessage(2, LogLevel.Warning, "Dispatcher {Owner} failed a pass; it will try again.")]
        public static partial void PassFailed(ILogger logger, Exception exception, string owner);

        [LoggerMessage(3, LogLevel.Information, "Message {MessageId} to {Destination} failed attempt {Attempt}; next attempt not before {NotBefore}: {Error}")]
        public static partial void RetryScheduled(ILogger logger, Guid messageId, string destination, int attempt, DateTimeOffset notBefore, string error);

        [LoggerMessage(4, LogLevel.Warning, "Message {MessageId} to {Destination} dead-lettered after {Attempts} attempts: {ErrorCode} {Reason}")]
        public static partial void DeadLettered(ILogger logger, Guid messageId, string destination, int attempts, string errorCode, string reason);

        [LoggerMessage(5, LogLevel.Warning, "Dispatcher {Owner} lost its lease {LeaseToken} on message {MessageId} to another dispatcher; its completion was refused (CNX5007).")]
        public static partial void LeaseLost(ILogger logger, Guid messageId, string owner, long leaseToken);

        [LoggerMessage(6, LogLevel.Warning, "Dispatcher {Owner} could not renew the leases of its batch; the next tick tries again.")]
        public static partial void RenewalFailed(ILogger logger, Exception exception, string owner);
    }
}
