namespace Connectivity.ChangeTracking;

/// <summary>Why a field was decided the way it was.</summary>
public enum FieldDecisionReason
{
    /// <summary>
    /// Accepted: the sender owns the field at the record's stage and nobody else changed it since the base (or the base has no value
    /// for a field that is never written to the sender: the owner reports it for the first time).
    /// </summary>
    SenderOwnsField,

    /// <summary>Accepted: neither the canonical record nor the sender's base had a value, so the first value is taken whoever sends it.</summary>
    FirstValue,

    /// <summary>Rejected: the sender does not own the field at the record's stage.</summary>
    SenderDoesNotOwnField,

    /// <summary>Rejected: a stage change the lifecycle does not allow.</summary>
    TransitionNotAllowed,

    /// <summary>Conflict: the sender owns the field, but the canonical value also changed since the value in the sender's base.</summary>
    ChangedOnBothSides,
}
