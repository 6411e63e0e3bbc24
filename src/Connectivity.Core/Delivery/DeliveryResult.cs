using Ardalis.GuardClauses;

namespace Connectivity.Delivery;

/// <summary>The result of <see cref="IDestinationWriter.WriteAsync"/>: a value, never an exception, for an expected failure.</summary>
public readonly record struct DeliveryResult
{
    private DeliveryResult(DeliveryOutcome outcome, string? errorCode, string? reason, TimeSpan? retryAfter, string? remoteId = null)
    {
        RemoteId = remoteId;
        Outcome = outcome;
        ErrorCode = errorCode;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets a result that says the target accepted the message.</summary>
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered, null, null, null);

    /// <summary>Gets the id the target knows the written record by, when the writer reported it (see <see cref="DeliveredAs"/>).</summary>
    public string? RemoteId { get; }

    /// <summary>Gets what happened.</summary>
    public DeliveryOutcome Outcome { get; }

    /// <summary>Gets the stable error code of a failure; otherwise <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets why the attempt failed; otherwise <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Gets the least wait before the next attempt that the target asked for (a <c>Retry-After</c>), or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Creates a result that says the target accepted the message and knows the record as <paramref name="remoteId"/>.</summary>
    /// <param name="remoteId">The target's id of the written record.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="remoteId"/> is <see langword="null"/>.</exception>
    public static DeliveryResult DeliveredAs(string remoteId) => new(DeliveryOutcome.Delivered, null, null, null, Guard.Against.NullOrWhiteSpace(remoteId));

    /// <summary>Creates a transient failure: the dispatcher retries it on its backoff schedule, no sooner than <paramref name="retryAfter"/>.</summary>
    /// <param name="reason">Why the attempt failed.</param>
    /// <param name="retryAfter">The least wait the target asked for, or <see langword="null"/>.</param>
    /// <param name="errorCode">A stable error code; <see cref="DeliveryErrorCodes.TransientFailure"/> by default.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or <paramref name="retryAfter"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static DeliveryResult TransientFailure(string reason, TimeSpan? retryAfter = null, string? errorCode = null)
    {
        Guard.Against.NullOrEmpty(reason);
        if (retryAfter is { } wait)
        {
            Guard.Against.Negative(wait.Ticks, nameof(retryAfter));
        }

        return new(DeliveryOutcome.TransientFailure, errorCode ?? DeliveryErrorCodes.TransientFailure, reason, retryAfter);
    }

    /// <summary>Creates a permanent failure: the dispatcher dead-letters it after <see cref="OutboxDispatcherOptions.PermanentFailureMaxAttempts"/> attempts.</summary>
    /// <param name="reason">Why the attempt failed.</param>
    /// <param name="errorCode">A stable error code; <see cref="DeliveryErrorCodes.PermanentFailure"/> by default.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static DeliveryResult PermanentFailure(string reason, string? errorCode = null)
    {
        Guard.Against.NullOrEmpty(reason);
        return new(DeliveryOutcome.PermanentFailure, errorCode ?? DeliveryErrorCodes.PermanentFailure, reason, null);
    }
}
