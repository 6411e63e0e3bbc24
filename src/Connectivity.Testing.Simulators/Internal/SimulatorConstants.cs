namespace Connectivity.Testing.Simulators.Internal;

/// <summary>Defaults of <see cref="SimulatorOptions"/> and <see cref="SimulatorFaults"/>.</summary>
internal static class SimulatorConstants
{
    public const int DefaultWebhookMaxAttempts = 20;
    public const int DefaultRetryAfterSeconds = 1;
    public const int DefaultSeed = 0;
    public static readonly TimeSpan DefaultWebhookInitialBackoff = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan DefaultWebhookMaxBackoff = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DefaultWebhookTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultSlowDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultWebhookReorderHold = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan WaitPollInterval = TimeSpan.FromMilliseconds(10);
}
