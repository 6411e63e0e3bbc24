using Connectivity.Connectors.Http.Internal;

namespace Connectivity.Connectors.Http;

/// <summary>
/// The write-safe resilience profile of a connector's <see cref="HttpClient"/>, built on Microsoft.Extensions.Http.Resilience.
/// From outside in: a total timeout (the call's budget), a retry, a client-side rate limiter, a circuit breaker and an
/// attempt timeout. One pipeline instance (so one breaker and one rate limiter) exists per target authority
/// (<c>scheme://host:port</c>) and tenant (<see cref="ConnectorRequestOptions.Tenant"/>).
/// </summary>
/// <remarks>
/// Only retry-safe requests are retried in the call: <c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c> and <c>TRACE</c>, and any request
/// that carries the idempotency-key header (<see cref="ConnectorOptions.IdempotencyKeyHeader"/>). Any other write is sent once;
/// a failure whose effect is unknown is reported as <see cref="HttpCallOutcome.Ambiguous"/>. A <c>Retry-After</c> or rate-limit
/// reset that does not fit in the remaining budget is not waited for: the call fails at once with a
/// <see cref="HttpCallResult.NotBefore"/> time.
/// </remarks>
public sealed class ConnectorResilienceOptions
{
    /// <summary>Gets or sets the budget of one call, retries and waits included.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = ConnectorConstants.DefaultTotalTimeout;

    /// <summary>Gets or sets the timeout of one attempt.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = ConnectorConstants.DefaultAttemptTimeout;

    /// <summary>Gets or sets how many times a retry-safe request is retried after the first attempt; 0 turns retries off.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetryAttempts { get; set; } = ConnectorConstants.DefaultMaxRetryAttempts;

    /// <summary>Gets or sets the first delay of the exponential backoff, used when the response names no wait.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = ConnectorConstants.DefaultRetryBaseDelay;

    /// <summary>Gets or sets the longest backoff delay.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RetryMaxDelay { get; set; } = ConnectorConstants.DefaultRetryMaxDelay;

    /// <summary>Gets or sets a value indicating whether the backoff is jittered.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RetryUseJitter { get; set; } = ConnectorConstants.DefaultRetryUseJitter;

    /// <summary>Gets or sets the failure ratio over <see cref="CircuitBreakerSamplingDuration"/> that opens the breaker of an authority.</summary>
    /// <value>The default value is 0.5.</value>
    public double CircuitBreakerFailureRatio { get; set; } = ConnectorConstants.DefaultBreakerFailureRatio;

    /// <summary>Gets or sets how many calls the breaker must see in a sampling window before it may open.</summary>
    /// <value>The default value is 10.</value>
    public int CircuitBreakerMinimumThroughput { get; set; } = ConnectorConstants.DefaultBreakerMinimumThroughput;

    /// <summary>Gets or sets the breaker's sampling window.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = ConnectorConstants.DefaultBreakerSamplingDuration;

    /// <summary>Gets or sets how long an open breaker refuses calls.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = ConnectorConstants.DefaultBreakerBreakDuration;

    /// <summary>Gets or sets the client-side quota: requests per <see cref="RateLimitWindow"/> for one authority and tenant; 0 turns the limiter off.</summary>
    /// <value>The default value is 0 (off): quotas differ per API, so a connector states its own.</value>
    public int RateLimitPermits { get; set; } = ConnectorConstants.DefaultRateLimitPermits;

    /// <summary>Gets or sets the window of <see cref="RateLimitPermits"/>.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RateLimitWindow { get; set; } = ConnectorConstants.DefaultRateLimitWindow;

    /// <summary>Gets or sets how many requests may wait for a permit; the rest are refused as <see cref="HttpCallOutcome.RateLimited"/>.</summary>
    /// <value>The default value is 100.</value>
    public int RateLimitQueueLimit { get; set; } = ConnectorConstants.DefaultRateLimitQueueLimit;
}
