namespace Connectivity.Outbox;

/// <summary>An action recorded in a dead letter's history.</summary>
public enum DeadLetterAction
{
    /// <summary>The dispatcher moved the message to the dead letters.</summary>
    DeadLettered = 0,

    /// <summary>Someone read the dead letter through <see cref="IDeadLetterStore.InspectAsync"/>.</summary>
    Inspected = 1,

    /// <summary>Someone put the message back in the outbox.</summary>
    Replayed = 2,

    /// <summary>Someone closed the dead letter without delivery.</summary>
    Dismissed = 3,
}
