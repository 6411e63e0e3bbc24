namespace Connectivity.ChangeTracking;

/// <summary>What change detection made of an incoming record as a whole.</summary>
public enum ChangeOutcome
{
    /// <summary>Fields changed and were decided; see <see cref="ChangeDecision.Fields"/>.</summary>
    Changed,

    /// <summary>Nothing the sender changed differs from the canonical record: the record was only touched, or is already in sync.</summary>
    NoChange,

    /// <summary>The record only repeats what Connectivity wrote to the sender: our own echo, dropped.</summary>
    Echo,

    /// <summary>The record is older, by version or modification time, than what is known from the sender; dropped.</summary>
    Stale,
}
