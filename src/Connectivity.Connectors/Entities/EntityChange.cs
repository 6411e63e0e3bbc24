using Ardalis.GuardClauses;
using Connectivity.Mapping;

namespace Connectivity.Connectors.Entities;

/// <summary>Creates <see cref="EntityChange{TEntity}"/> values (for a derived reader's own records, or a test).</summary>
public static class EntityChange
{
    /// <summary>Creates an upsert.</summary>
    /// <param name="remoteId">The record's id in the target.</param>
    /// <param name="entity">The mapped entity.</param>
    /// <param name="record">The raw record.</param>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException"><paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="remoteId"/> or <paramref name="entity"/> is <see langword="null"/>.</exception>
    public static EntityChange<TEntity> Upserted<TEntity>(string remoteId, TEntity entity, ReadOnlyMemory<byte> record)
        where TEntity : class =>
        new EntityChange<TEntity>(EntityChangeKind.Upserted, Guard.Against.NullOrWhiteSpace(remoteId), Guard.Against.Null(entity), null, record);

    /// <summary>Creates a deletion (tombstone).</summary>
    /// <param name="remoteId">The id of the deleted record in the target.</param>
    /// <param name="record">The raw record, when the target sent one.</param>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException"><paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="remoteId"/> is <see langword="null"/>.</exception>
    public static EntityChange<TEntity> Deleted<TEntity>(string remoteId, ReadOnlyMemory<byte> record = default)
        where TEntity : class =>
        new EntityChange<TEntity>(EntityChangeKind.Deleted, Guard.Against.NullOrWhiteSpace(remoteId), null, null, record);

    /// <summary>Creates a failure.</summary>
    /// <param name="remoteId">The record's id in the target, when it names one.</param>
    /// <param name="errors">Every error found; at least one.</param>
    /// <param name="record">The raw record.</param>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public static EntityChange<TEntity> Failed<TEntity>(string? remoteId, IReadOnlyList<MapError> errors, ReadOnlyMemory<byte> record)
        where TEntity : class
    {
        Guard.Against.NullOrEmpty(errors);
        return new EntityChange<TEntity>(EntityChangeKind.Failed, remoteId, null, errors, record);
    }
}
