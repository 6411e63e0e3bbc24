namespace Connectivity.Sync;

/// <summary>What the sync flow did with an incoming record.</summary>
public enum SyncOutcome
{
    /// <summary>Changes were decided: accepted ones updated the canonical record and went to the other systems; rejected ones are written back.</summary>
    Applied,

    /// <summary>The record holds nothing new (the sender merely touched it, or it is already in sync).</summary>
    NoChange,

    /// <summary>The record only reports Connectivity's own earlier write back (echo guard).</summary>
    Echo,

    /// <summary>The record is older than one already seen from the sender (out-of-order delivery).</summary>
    Stale,

    /// <summary>The delivery was already received (same system and delivery id).</summary>
    Duplicate,

    /// <summary>The record could not be read or mapped; <see cref="SyncResult.Errors"/> says why. Nothing was changed.</summary>
    Invalid,
}
