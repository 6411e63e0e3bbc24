using System.Net.Http;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Connectivity.Connectors.Http.Internal;

/// <summary>
/// Builds the write-safe pipeline of a connector. Each piece is made by its own method so a test can read the built options
/// and pin the defaults.
/// </summary>
internal static class ConnectorResilienceProfile
{
    /// <summary>Adds, from outside in: total timeout, retry, rate limiter (when a quota is set), circuit breaker, attempt timeout.</summary>
    /// <returns>The rate limiter the pipeline owns, for the caller to dispose with the pipeline; <see langword="null"/> when none.</returns>
    public static RateLimiter? Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions options, TimeProvider timeProvider)
    {
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(CreateTotalTimeout(options));
        builder.AddRetry(CreateRetry(options, timeProvider));

        var limiter = CreateRateLimiter(options);
        if (limiter is not null)
        {
            builder.AddRateLimiter(new HttpRateLimiterStrategyOptions
            {
                Name = "connector-rate-limiter",
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            });
        }

        builder.AddCircuitBreaker(CreateCircuitBreaker(options));
        builder.AddTimeout(CreateAttemptTimeout(options));
        return limiter;
    }

    public static HttpTimeoutStrategyOptions CreateTotalTimeout(ConnectorOptions options) => new()
    {
        Name = "connector-total-timeout",
        Timeout = options.Resilience.TotalTimeout,
    };

    public static HttpTimeoutStrategyOptions CreateAttemptTimeout(ConnectorOptions options) => new()
    {
        Name = "connector-attempt-timeout",
        Timeout = options.Resilience.AttemptTimeout,
    };

    public static HttpRetryStrategyOptions CreateRetry(ConnectorOptions options, TimeProvider timeProvider)
    {
        var resilience = options.Resilience;
        var classification = options.ErrorClassification;
        var header = options.IdempotencyKeyHeader;
        var budget = resilience.TotalTimeout;

        return new HttpRetryStrategyOptions
        {
            Name = "connector-retry",
            MaxRetryAttempts = Math.Max(resilience.MaxRetryAttempts, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = resilience.RetryUseJitter,
            Delay = resilience.RetryBaseDelay,
            MaxDelay = resilience.RetryMaxDelay,

            // The delay generator below reads Retry-After and the rate-limit reset headers itself, and caps them to the budget.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args =>
            {
                if (resilience.MaxRetryAttempts == 0)
                {
                    return new ValueTask<bool>(false);
                }

                var request = args.Context.GetRequestMessage() ?? args.Outcome.Result?.RequestMessage;
                if (request is null || !RequestSafety.IsRetrySafe(request, header))
                {
                    return new ValueTask<bool>(false);
                }

                if (args.Outcome.Exception is { } exception)
                {
                    return new ValueTask<bool>(exception is HttpRequestException or TimeoutRejectedException);
                }

                var response = args.Outcome.Result!;
                var action = classification.Classify(response).Action;
                if (action is not (HttpErrorAction.Retry or HttpErrorAction.RateLimited))
                {
                    return new ValueTask<bool>(false);
                }

                // A wait longer than what is left of the budget is not waited for: the response goes back to the caller,
                // which hands its not-before time to the outbox.
                var wait = RetryAfterHeaders.GetDelay(response, timeProvider.GetUtcNow());
                return new ValueTask<bool>(wait is null || wait.Value < CallBudgetHandler.Remaining(request, budget, timeProvider));
            },
            DelayGenerator = args =>
                new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfterHeaders.GetDelay(response, timeProvider.GetUtcNow()) : null),
        };
    }

    public static HttpCircuitBreakerStrategyOptions CreateCircuitBreaker(ConnectorOptions options)
    {
        var resilience = options.Resilience;
        var classification = options.ErrorClassification;
        return new HttpCircuitBreakerStrategyOptions
        {
            Name = "connector-circuit-breaker",
            FailureRatio = resilience.CircuitBreakerFailureRatio,
            MinimumThroughput = resilience.CircuitBreakerMinimumThroughput,
            SamplingDuration = resilience.CircuitBreakerSamplingDuration,
            BreakDuration = resilience.CircuitBreakerBreakDuration,

            // The breaker counts signs that the target is unwell (5xx, 408, timeouts, broken connections), not a quota refusal.
            ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } exception
                ? exception is HttpRequestException or TimeoutRejectedException
                : args.Outcome.Result is { } response && classification.Classify(response).Action == HttpErrorAction.Retry),
        };
    }

    public static RateLimiter? CreateRateLimiter(ConnectorOptions options)
    {
        var resilience = options.Resilience;
        if (resilience.RateLimitPermits <= 0)
        {
            return null;
        }

        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = resilience.RateLimitPermits,
            TokensPerPeriod = resilience.RateLimitPermits,
            ReplenishmentPeriod = resilience.RateLimitWindow,
            QueueLimit = resilience.RateLimitQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>The pipeline key of a request: its authority, and its tenant when it names one.</summary>
    public static string PipelineKey(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        var authority = uri is { IsAbsoluteUri: true } ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : string.Empty;
        return request.Options.TryGetValue(ConnectorRequestOptions.Tenant, out var tenant) && !string.IsNullOrEmpty(tenant)
            ? $"{authority}#{tenant}"
            : authority;
    }
}
