using Connectivity.Delivery.Internal;

namespace Connectivity.Delivery;

/// <summary>Options of the <see cref="OutboxDispatcher"/>. Validated at start-up.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>Gets or sets the dispatcher's name, recorded with its leases and as the actor of the dead letters it makes.
    /// Give each running dispatcher a stable, unique name to let a restart release the leases of its previous life
    /// (<see cref="ReleaseOwnLeasesOnStart"/>).</summary>
    /// <value>The default value is <see langword="null"/>: a name unique to this process and dispatcher is made up.</value>
    public string? Owner { get; set; }

    /// <summary>Gets or sets whether <see cref="OutboxDispatcher.RunAsync"/> first releases the leases held under <see cref="Owner"/>.
    /// Only safe when no other running dispatcher uses the same name.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReleaseOwnLeasesOnStart { get; set; } = true;

    /// <summary>Gets or sets the most messages claimed in one pass.</summary>
    /// <value>The default value is 100.</value>
    public int BatchSize { get; set; } = OutboxDispatcherConstants.DefaultBatchSize;

    /// <summary>
    /// Gets or sets how long a claim holds. The dispatcher renews the leases of a batch every third of this while the batch is
    /// delivered, so it need not outlast a slow batch, only a stretch of failed renewals (a store that cannot be reached).
    /// Between 30 milliseconds and 30 days.
    /// </summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan LeaseDuration { get; set; } = OutboxDispatcherConstants.DefaultLeaseDuration;

    /// <summary>Gets or sets how many messages of one batch are delivered at the same time (they never share an entity key).</summary>
    /// <value>The default value is 1.</value>
    public int MaxConcurrentDeliveries { get; set; } = OutboxDispatcherConstants.DefaultMaxConcurrentDeliveries;

    /// <summary>Gets or sets how long the dispatcher waits when it found nothing to claim.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan PollInterval { get; set; } = OutboxDispatcherConstants.DefaultPollInterval;

    /// <summary>Gets or sets how many attempts a message with transient failures gets before it is dead-lettered with
    /// <see cref="DeliveryErrorCodes.AttemptsExhausted"/>. The message is dead-lettered after exactly this many attempts.</summary>
    /// <value>The default value is 10.</value>
    public int MaxAttempts { get; set; } = OutboxDispatcherConstants.DefaultMaxAttempts;

    /// <summary>Gets or sets how many attempts a message gets when its attempts end in permanent failures (a 422, an unreadable
    /// payload, an unknown destination). The message is dead-lettered after exactly this many attempts, with the failure's
    /// own error code. 1 dead-letters at the first permanent failure; more allow for a target that fixes itself.</summary>
    /// <value>The default value is 1.</value>
    public int PermanentFailureMaxAttempts { get; set; } = OutboxDispatcherConstants.DefaultPermanentFailureMaxAttempts;

    /// <summary>Gets or sets the delay after the first failed attempt; it doubles per attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BaseRetryDelay { get; set; } = OutboxDispatcherConstants.DefaultBaseRetryDelay;

    /// <summary>Gets or sets the longest delay between two attempts (a writer's <see cref="DeliveryResult.RetryAfter"/> may ask for longer).</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = OutboxDispatcherConstants.DefaultMaxRetryDelay;

    /// <summary>Gets or sets how long after dead-lettering a message may still be replayed. Idempotency records must outlive
    /// the retry horizon plus this; start-up validation checks <see cref="Idempotency.IdempotencyOptions.Expiry"/> against it.</summary>
    /// <value>The default value is 3 days.</value>
    public TimeSpan ReplayHorizon { get; set; } = OutboxDispatcherConstants.DefaultReplayHorizon;

    /// <summary>Gets or sets how long delivered messages are kept before cleanup deletes them.</summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan DeliveredRetention { get; set; } = OutboxDispatcherConstants.DefaultDeliveredRetention;

    /// <summary>Gets or sets the most delivered messages one cleanup batch deletes.</summary>
    /// <value>The default value is 500.</value>
    public int CleanupBatchSize { get; set; } = OutboxDispatcherConstants.DefaultCleanupBatchSize;

    /// <summary>Gets or sets how often <see cref="OutboxDispatcher.RunAsync"/> runs a cleanup.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan CleanupInterval { get; set; } = OutboxDispatcherConstants.DefaultCleanupInterval;

    /// <summary>Gets the longest time a message can spend in retries before it is dead-lettered (the sum of the largest
    /// delays between its attempts), leaving out any longer wait a writer asks for.</summary>
    /// <returns>The retry horizon.</returns>
    public TimeSpan GetRetryHorizon()
    {
        var total = TimeSpan.Zero;
        for (var attempt = 1; attempt < Math.Max(MaxAttempts, PermanentFailureMaxAttempts); attempt++)
        {
            total += RetryBackoff.UpperBound(BaseRetryDelay, MaxRetryDelay, attempt);
        }

        return total;
    }
}
