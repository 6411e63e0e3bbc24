namespace Connectivity.Outbox;

/// <summary>Where a dead letter stands.</summary>
public enum DeadLetterStatus
{
    /// <summary>Waiting for someone to replay or dismiss it.</summary>
    Active = 0,

    /// <summary>Put back in the outbox under its original message id.</summary>
    Replayed = 1,

    /// <summary>Closed without delivery.</summary>
    Dismissed = 2,
}
