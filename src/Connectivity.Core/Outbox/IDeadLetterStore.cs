namespace Connectivity.Outbox;

/// <summary>The dead letters of an outbox: list, inspect, replay and dismiss, each change recorded with who and when.</summary>
public interface IDeadLetterStore
{
    /// <summary>Lists dead letters, oldest first, without their history.</summary>
    /// <param name="status">The status to list.</param>
    /// <param name="destination">A destination to filter on, or <see langword="null"/> for all.</param>
    /// <param name="limit">The most dead letters to return.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The dead letters.</returns>
    ValueTask<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterStatus status = DeadLetterStatus.Active, string? destination = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Reads one dead letter with its full history and records that <paramref name="actor"/> inspected it.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="actor">Who inspects it.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The dead letter, or <see langword="null"/> when there is none with that id.</returns>
    ValueTask<DeadLetter?> InspectAsync(Guid messageId, string actor, CancellationToken cancellationToken = default);

    /// <summary>Puts an active dead letter back in the outbox under its original message id, with its attempt count reset.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="actor">Who replays it.</param>
    /// <param name="note">Why, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when replayed; <see langword="false"/> when there is no active dead letter with that id.</returns>
    ValueTask<bool> ReplayAsync(Guid messageId, string actor, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Closes an active dead letter without delivery.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="actor">Who dismisses it.</param>
    /// <param name="note">Why, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when dismissed; <see langword="false"/> when there is no active dead letter with that id.</returns>
    ValueTask<bool> DismissAsync(Guid messageId, string actor, string? note = null, CancellationToken cancellationToken = default);
}
