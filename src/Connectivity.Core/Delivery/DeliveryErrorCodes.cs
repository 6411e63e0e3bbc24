namespace Connectivity.Delivery;

/// <summary>Stable error codes of reliable delivery. The full list is in <c>docs/error-codes.md</c>.</summary>
public static class DeliveryErrorCodes
{
    /// <summary>No destination writer is registered for the message's destination.</summary>
    public const string UnknownDestination = "CNX5001";

    /// <summary>The destination writer reported a transient failure (timeout, 429, 5xx) and the message will be retried.</summary>
    public const string TransientFailure = "CNX5002";

    /// <summary>The destination writer reported a permanent failure (for example 422 or a payload it cannot read).</summary>
    public const string PermanentFailure = "CNX5003";

    /// <summary>The destination writer threw an exception; treated as a transient failure.</summary>
    public const string WriterException = "CNX5004";

    /// <summary>A transient failure persisted through the configured number of attempts.</summary>
    public const string AttemptsExhausted = "CNX5005";

    /// <summary>The payload could not be read (deserialized) by the destination writer.</summary>
    public const string UndeserializablePayload = "CNX5006";

    /// <summary>The dispatcher's lease on a message expired and another dispatcher took it over; the completion was refused.</summary>
    public const string LeaseLost = "CNX5007";

    /// <summary>An idempotency key was reused with a request of a different fingerprint.</summary>
    public const string IdempotencyMismatch = "CNX5101";

    /// <summary>An idempotency key is held by another caller whose work is still in flight.</summary>
    public const string IdempotencyInFlight = "CNX5102";

    /// <summary>An incoming delivery was already received from the same source with the same message id.</summary>
    public const string DuplicateDelivery = "CNX5201";
}
