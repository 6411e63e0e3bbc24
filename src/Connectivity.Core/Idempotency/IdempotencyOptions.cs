using Connectivity.Idempotency.Internal;

namespace Connectivity.Idempotency;

/// <summary>Options of the idempotency stores. Validated at start-up.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>Gets or sets how long a key is remembered. Start-up validation checks that it is longer than the
    /// dispatcher's retry horizon plus its replay horizon, so no retry or replay can outlive the record that stops a duplicate.</summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan Expiry { get; set; } = IdempotencyConstants.DefaultExpiry;

    /// <summary>Gets or sets how long a caller may hold a key before another caller may take it over (the holder is presumed dead).</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan InFlightTimeout { get; set; } = IdempotencyConstants.DefaultInFlightTimeout;
}
