using Connectivity.ChangeTracking.Internal;

namespace Connectivity.ChangeTracking;

/// <summary>Bounds of the echo guard's memory.</summary>
public sealed class EchoGuardOptions
{
    /// <summary>Gets or sets how long a write is remembered.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan TimeToLive { get; set; } = EchoGuardConstants.DefaultTimeToLive;

    /// <summary>Gets or sets how many writes are remembered per record and system; older ones are forgotten first.</summary>
    /// <value>The default value is 8.</value>
    public int MaxFingerprintsPerRecord { get; set; } = EchoGuardConstants.DefaultMaxFingerprintsPerRecord;

    /// <summary>Gets or sets how many records and systems an in-memory store remembers; the least recently written are forgotten first.</summary>
    /// <value>The default value is 100,000.</value>
    public int MaxRecords { get; set; } = EchoGuardConstants.DefaultMaxRecords;
}
