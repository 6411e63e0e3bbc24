using Ardalis.GuardClauses;
using Connectivity.Testing.Simulators.Internal;

namespace Connectivity.Testing.Simulators;

/// <summary>
/// Faults a <see cref="SimulatedSystem"/> injects into its HTTP API (never into <c>/_sim/*</c>) and its
/// webhook deliveries. Request faults count API requests: with <see cref="TooManyRequestsEvery"/> = 3 the
/// 3rd, 6th, 9th… request answers 429. Webhook faults draw from a <see cref="Random"/> seeded with
/// <see cref="Seed"/>, so a run with one subscriber is repeatable. Properties may be changed at any time and
/// apply to the next request; assigning a new instance to <see cref="SimulatedSystem.Faults"/> also restarts
/// the request count and the random sequence.
/// </summary>
public sealed class SimulatorFaults
{
    private int _tooManyRequestsEvery;
    private int _retryAfterSeconds = SimulatorConstants.DefaultRetryAfterSeconds;
    private int _serviceUnavailableEvery;
    private int _slowEvery;
    private TimeSpan _slowDelay = SimulatorConstants.DefaultSlowDelay;
    private double _webhookDuplicateRate;
    private double _webhookReorderRate;
    private TimeSpan _webhookReorderHold = SimulatorConstants.DefaultWebhookReorderHold;

    /// <summary>Gets or sets n: every n-th API request answers 429 with a <c>Retry-After</c> header; 0 turns it off.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int TooManyRequestsEvery { get => _tooManyRequestsEvery; set => _tooManyRequestsEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets the seconds the 429 answer's <c>Retry-After</c> header asks for (0 or 1 keeps tests fast).</summary>
    /// <value>The default value is 1.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int RetryAfterSeconds { get => _retryAfterSeconds; set => _retryAfterSeconds = Guard.Against.Negative(value); }

    /// <summary>Gets or sets m: every m-th API request answers 503; 0 turns it off. A request chosen for 429 answers 429.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int ServiceUnavailableEvery { get => _serviceUnavailableEvery; set => _serviceUnavailableEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets k: every k-th API request waits <see cref="SlowDelay"/> before it is answered; 0 turns it off.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int SlowEvery { get => _slowEvery; set => _slowEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets how long a slow request waits.</summary>
    /// <value>The default value is 1 second.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public TimeSpan SlowDelay { get => _slowDelay; set => _slowDelay = Guard.Against.Negative(value); }

    /// <summary>Gets or sets the share (0 to 1) of webhook deliveries sent a second time, with the same event id and body.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 1.</exception>
    public double WebhookDuplicateRate { get => _webhookDuplicateRate; set => _webhookDuplicateRate = Guard.Against.OutOfRange(value, nameof(value), 0d, 1d); }

    /// <summary>
    /// Gets or sets the share (0 to 1) of webhook events held back until the next event for the same record has
    /// been delivered, so the later event arrives first. An event no later event overtakes within
    /// <see cref="WebhookReorderHold"/> is sent in place.
    /// </summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 1.</exception>
    public double WebhookReorderRate { get => _webhookReorderRate; set => _webhookReorderRate = Guard.Against.OutOfRange(value, nameof(value), 0d, 1d); }

    /// <summary>Gets or sets how long a held-back webhook event waits for a later event of the same record.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public TimeSpan WebhookReorderHold { get => _webhookReorderHold; set => _webhookReorderHold = Guard.Against.Negative(value); }

    /// <summary>Gets or sets the seed of the random webhook faults; read when the instance is assigned to <see cref="SimulatedSystem.Faults"/>.</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; set; } = SimulatorConstants.DefaultSeed;
}
