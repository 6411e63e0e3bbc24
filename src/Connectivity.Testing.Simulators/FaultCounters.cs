namespace Connectivity.Testing.Simulators;

/// <summary>A snapshot of the faults a <see cref="SimulatedSystem"/> has injected since it was created.</summary>
public readonly record struct FaultCounters
{
    /// <summary>Gets the API requests answered 429.</summary>
    public long TooManyRequests { get; init; }

    /// <summary>Gets the API requests answered 503.</summary>
    public long ServiceUnavailable { get; init; }

    /// <summary>Gets the API requests answered late.</summary>
    public long Slowed { get; init; }

    /// <summary>Gets the webhook events sent twice.</summary>
    public long DuplicatedWebhooks { get; init; }

    /// <summary>Gets the webhook events a later event of the same record overtook.</summary>
    public long ReorderedWebhooks { get; init; }
}
