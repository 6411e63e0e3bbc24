namespace Connectivity.Delivery.Internal;

internal static class OutboxDispatcherConstants
{
    public const int DefaultBatchSize = 100;
    public const int DefaultMaxConcurrentDeliveries = 1;
    public const int DefaultMaxAttempts = 10;
    public const int DefaultPermanentFailureMaxAttempts = 1;
    public const int DefaultCleanupBatchSize = 500;

    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>The shortest lease: renewed every 10 ms.</summary>
    public static readonly TimeSpan MinLeaseDuration = TimeSpan.FromMilliseconds(30);

    /// <summary>The longest lease: its renewal period stays within what <see cref="PeriodicTimer"/> takes.</summary>
    public static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromDays(30);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultBaseRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultReplayHorizon = TimeSpan.FromDays(3);
    public static readonly TimeSpan DefaultDeliveredRetention = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultCleanupInterval = TimeSpan.FromMinutes(10);
}
