namespace Connectivity.Connectors.Entities;

/// <summary>What one record read from a target says.</summary>
public enum EntityChangeKind
{
    /// <summary>The record was created or changed; <see cref="EntityChange{TEntity}.Entity"/> holds it, mapped.</summary>
    Upserted = 0,

    /// <summary>The record was deleted (a tombstone); only <see cref="EntityChange{TEntity}.RemoteId"/> is known.</summary>
    Deleted = 1,

    /// <summary>The record could not be mapped (or named); <see cref="EntityChange{TEntity}.Errors"/> says why.</summary>
    Failed = 2,
}
