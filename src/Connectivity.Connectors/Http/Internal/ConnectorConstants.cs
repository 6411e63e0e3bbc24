namespace Connectivity.Connectors.Http.Internal;

/// <summary>The defaults of <see cref="ConnectorOptions"/> and <see cref="ConnectorResilienceOptions"/>, in one place.</summary>
internal static class ConnectorConstants
{
    public const string DefaultIdempotencyKeyHeader = "Idempotency-Key";

    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);
    public const int DefaultMaxRetryAttempts = 3;
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromSeconds(10);
    public const bool DefaultRetryUseJitter = true;

    public const double DefaultBreakerFailureRatio = 0.5;
    public const int DefaultBreakerMinimumThroughput = 10;
    public static readonly TimeSpan DefaultBreakerSamplingDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultBreakerBreakDuration = TimeSpan.FromSeconds(15);

    public const int DefaultRateLimitPermits = 0;
    public static readonly TimeSpan DefaultRateLimitWindow = TimeSpan.FromSeconds(1);
    public const int DefaultRateLimitQueueLimit = 100;

    public const int MaxRetryAttemptsLimit = 10;

    public const string ResiliencePipelinePrefix = "connectivity-connector-";
}
