using Connectivity.Delivery;

namespace Connectivity.Testing.Fakes;

/// <summary>One call of a <see cref="FakeDestinationWriter"/>: what was asked, which fault was injected, and what was answered.</summary>
/// <param name="Call">The number of the write call in the system, from 1 (the number the fault counters use).</param>
/// <param name="Destination">The destination of the writer.</param>
/// <param name="EntityType">The entity type the writer writes.</param>
/// <param name="MessageId">The outbox message id, the idempotency key.</param>
/// <param name="AttemptCount">The message's attempt count as the dispatcher gave it.</param>
/// <param name="Payload">The payload.</param>
/// <param name="Fault">The fault injected, or <see cref="FakeFault.None"/>.</param>
/// <param name="Applied">Whether the call created or changed a record (an ambiguous outcome is applied; a replay answered by its idempotency key is not).</param>
/// <param name="RemoteId">The id of the record the call wrote or was answered with, or <see langword="null"/>.</param>
/// <param name="Result">What the writer answered.</param>
/// <param name="At">When the call was made, on the system's clock.</param>
public sealed record FakeWriteAttempt(
    int Call,
    string Destination,
    string EntityType,
    Guid MessageId,
    int AttemptCount,
    ReadOnlyMemory<byte> Payload,
    FakeFault Fault,
    bool Applied,
    string? RemoteId,
    DeliveryResult Result,
    DateTimeOffset At);
