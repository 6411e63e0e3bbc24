namespace Connectivity.Testing.Simulators;

/// <summary>A snapshot of the webhook deliveries of a <see cref="SimulatedSystem"/>, summed over its subscribers.</summary>
public readonly record struct WebhookCounters
{
    /// <summary>Gets the events (one per subscriber) a subscriber answered with 2xx, at the first or a later attempt.</summary>
    public long Delivered { get; init; }

    /// <summary>Gets the extra copies sent by the duplicate fault (<see cref="SimulatorFaults.WebhookDuplicateRate"/>).</summary>
    public long Duplicated { get; init; }

    /// <summary>Gets the events given up after <see cref="SimulatorOptions.WebhookMaxAttempts"/> attempts.</summary>
    public long Failed { get; init; }

    /// <summary>Gets the HTTP attempts made, successful or not.</summary>
    public long Attempts { get; init; }

    /// <summary>Gets the events queued, held back or being sent.</summary>
    public long Pending { get; init; }
}
