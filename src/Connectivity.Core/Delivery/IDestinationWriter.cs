using Connectivity.Outbox;

namespace Connectivity.Delivery;

/// <summary>
/// Delivers outbox messages to one destination (a target system's entity writer). The dispatcher picks the writer
/// by <see cref="Destination"/>; a message for a destination with no writer is dead-lettered.
/// </summary>
/// <remarks>
/// Delivery is at least once: a writer must make a repeated message harmless (upsert by a key the target honours,
/// send <see cref="OutboxMessage.Id"/> as the target's idempotency key, or read before it retries).
/// </remarks>
public interface IDestinationWriter
{
    /// <summary>Gets the destination name this writer serves.</summary>
    string Destination { get; }

    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message; <see cref="OutboxMessage.AttemptCount"/> counts this attempt.</param>
    /// <param name="cancellationToken">A token to cancel the delivery.</param>
    /// <returns>What happened, as a value; an exception is treated as a transient failure.</returns>
    ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken);
}
