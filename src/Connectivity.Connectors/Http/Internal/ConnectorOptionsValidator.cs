using Microsoft.Extensions.Options;

namespace Connectivity.Connectors.Http.Internal;

/// <summary>Checks <see cref="ConnectorOptions"/> once, at start-up.</summary>
internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        var failures = new List<string>();
        if (options.BaseAddress is { IsAbsoluteUri: false })
        {
            failures.Add($"Connector '{name}': BaseAddress must be an absolute URI.");
        }

        if (string.IsNullOrWhiteSpace(options.IdempotencyKeyHeader))
        {
            failures.Add($"Connector '{name}': IdempotencyKeyHeader must not be empty.");
        }

        if (options.ErrorClassification is null)
        {
            failures.Add($"Connector '{name}': ErrorClassification must not be null.");
        }

        var r = options.Resilience;
        if (r is null)
        {
            failures.Add($"Connector '{name}': Resilience must not be null.");
            return ValidateOptionsResult.Fail(failures);
        }

        if (r.TotalTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Connector '{name}': Resilience.TotalTimeout must be positive.");
        }

        if (r.AttemptTimeout <= TimeSpan.Zero || r.AttemptTimeout > r.TotalTimeout)
        {
            failures.Add($"Connector '{name}': Resilience.AttemptTimeout must be positive and no longer than TotalTimeout.");
        }

        if (r.MaxRetryAttempts < 0 || r.MaxRetryAttempts > ConnectorConstants.MaxRetryAttemptsLimit)
        {
            failures.Add($"Connector '{name}': Resilience.MaxRetryAttempts must be between 0 and {ConnectorConstants.MaxRetryAttemptsLimit}.");
        }

        if (r.RetryBaseDelay < TimeSpan.Zero || r.RetryMaxDelay < r.RetryBaseDelay)
        {
            failures.Add($"Connector '{name}': Resilience.RetryBaseDelay must not be negative and RetryMaxDelay not less than it.");
        }

        if (r.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add($"Connector '{name}': Resilience.CircuitBreakerFailureRatio must be in (0, 1].");
        }

        if (r.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add($"Connector '{name}': Resilience.CircuitBreakerMinimumThroughput must be at least 2.");
        }

        if (r.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || r.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add($"Connector '{name}': Resilience.CircuitBreakerSamplingDuration and CircuitBreakerBreakDuration must be at least 500 ms.");
        }

        if (r.RateLimitPermits < 0 || r.RateLimitQueueLimit < 0 || r.RateLimitWindow <= TimeSpan.Zero)
        {
            failures.Add($"Connector '{name}': Resilience.RateLimitPermits and RateLimitQueueLimit must not be negative, RateLimitWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
