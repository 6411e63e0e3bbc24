namespace Connectivity.Delivery;

/// <summary>What a destination writer reports for one delivery attempt.</summary>
public enum DeliveryOutcome
{
    /// <summary>The target accepted the message.</summary>
    Delivered = 0,

    /// <summary>The attempt failed in a way that may pass (timeout, 429, 503): retry on the backoff schedule.</summary>
    TransientFailure = 1,

    /// <summary>The attempt failed in a way that will not pass by itself (422, a payload the writer cannot read): dead-letter after
    /// <see cref="OutboxDispatcherOptions.PermanentFailureMaxAttempts"/> attempts.</summary>
    PermanentFailure = 2,
}
