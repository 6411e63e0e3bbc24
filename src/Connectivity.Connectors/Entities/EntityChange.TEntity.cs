using Connectivity.Mapping;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// One record read from a target: an upsert with its mapped entity, a deletion (tombstone), or a failure with every error found.
/// A record that fails to map is a value, never an exception, and it is never dropped. Create one with <see cref="EntityChange"/>.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public readonly struct EntityChange<TEntity>
    where TEntity : class
{
    private readonly IReadOnlyList<MapError>? _errors;

    internal EntityChange(EntityChangeKind kind, string? remoteId, TEntity? entity, IReadOnlyList<MapError>? errors, ReadOnlyMemory<byte> record)
    {
        Kind = kind;
        RemoteId = remoteId;
        Entity = entity;
        _errors = errors;
        Record = record;
    }

    /// <summary>Gets what the record says.</summary>
    public EntityChangeKind Kind { get; }

    /// <summary>Gets the record's id in the target; <see langword="null"/> only for a failure whose record names no id.</summary>
    public string? RemoteId { get; }

    /// <summary>Gets the mapped entity of an upsert; otherwise <see langword="null"/>.</summary>
    public TEntity? Entity { get; }

    /// <summary>Gets why a failed record could not be read; empty otherwise.</summary>
    public IReadOnlyList<MapError> Errors => _errors ?? [];

    /// <summary>Gets the raw UTF-8 JSON of the record, a slice of its page (to keep with a failure, for example).</summary>
    public ReadOnlyMemory<byte> Record { get; }

    /// <inheritdoc />
    public override string ToString() => Kind == EntityChangeKind.Failed
        ? $"{Kind} {RemoteId}: {string.Join("; ", Errors)}"
        : $"{Kind} {RemoteId}";
}
