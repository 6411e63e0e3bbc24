using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Outbox;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// Lets an <see cref="EntityWriter{TEntity}"/> be the outbox dispatcher's writer for one destination. The message payload is the
/// entity as canonical JSON (read with the writer's <see cref="EntityWriter{TEntity}.TypeInfo"/>); the message id is the
/// idempotency key, so a retry or replay of the message is the same write. Thread-safe when the writer and observer are.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>
/// <para>Results: a success is delivered, and the observer is told the remote id; a transient or rate-limited failure is retried on
/// the dispatcher's schedule, no sooner than the target asked; an ambiguous outcome is a permanent failure with
/// <c>CNX6003</c> (dead-lettered, never retried blindly); a payload that is not the entity is a permanent failure with
/// <see cref="DeliveryErrorCodes.UndeserializablePayload"/>.</para>
/// </remarks>
public sealed class EntityDestinationWriter<TEntity> : IDestinationWriter
    where TEntity : class
{
    private readonly IEntityWriteObserver<TEntity>? _observer;

    /// <summary>Initializes a new destination writer.</summary>
    /// <param name="destination">The destination name it serves.</param>
    /// <param name="writer">The entity writer.</param>
    /// <param name="observer">Told the remote id of each entity written, to link it; may be <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public EntityDestinationWriter(string destination, EntityWriter<TEntity> writer, IEntityWriteObserver<TEntity>? observer = null)
    {
        Destination = Guard.Against.NullOrWhiteSpace(destination);
        Writer = Guard.Against.Null(writer);
        _observer = observer;
    }

    /// <inheritdoc />
    public string Destination { get; }

    /// <summary>Gets the entity writer.</summary>
    public EntityWriter<TEntity> Writer { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public async ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Guard.Against.Null(message);
        TEntity? entity;
        try
        {
            entity = JsonSerializer.Deserialize(message.Payload.Span, Writer.TypeInfo);
        }
        catch (JsonException exception)
        {
            return DeliveryResult.PermanentFailure($"The payload is not a {typeof(TEntity).Name}: {exception.Message}", DeliveryErrorCodes.UndeserializablePayload);
        }

        if (entity is null)
        {
            return DeliveryResult.PermanentFailure($"The payload is null, not a {typeof(TEntity).Name}.", DeliveryErrorCodes.UndeserializablePayload);
        }

        var result = await Writer.UpsertAsync(entity, message.Id.ToString("D"), cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && _observer is not null)
        {
            await _observer.OnWrittenAsync(message, entity, result, cancellationToken).ConfigureAwait(false);
        }

        return result.ToDeliveryResult(Writer.Client.TimeProvider.GetUtcNow());
    }
}
