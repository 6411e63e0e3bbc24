namespace Connectivity.Inbox;

/// <summary>What <see cref="IInboxStore.TryAcceptAsync"/> decided.</summary>
public enum InboxOutcome
{
    /// <summary>First time seen within the window: process it.</summary>
    Accepted = 0,

    /// <summary>Already received within the window: drop it.</summary>
    Duplicate = 1,
}
