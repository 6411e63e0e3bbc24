namespace Connectivity.ChangeTracking;

/// <summary>What happened to one changed field.</summary>
public enum FieldDecisionKind
{
    /// <summary>The change is taken into the canonical record.</summary>
    Accepted,

    /// <summary>The change is refused: the owner's value stays and is to be written back to the sender.</summary>
    Rejected,

    /// <summary>The field changed on both sides since the base and the policy cannot settle it; recorded in the conflict store.</summary>
    Conflict,
}
