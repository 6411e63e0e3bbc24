namespace Connectivity.Connectors.Entities;

/// <summary>
/// How an <see cref="EntityWriter{TEntity}"/> keeps a repeated write (a retry, a replayed message) from creating a second record.
/// The base class enforces the declared strategy; see <see cref="EntityWriter{TEntity}.UpsertAsync"/>.
/// </summary>
public enum IdempotencyStrategy
{
    /// <summary>
    /// None: the target offers no way to settle an unknown outcome. A create is sent once; when its outcome is unknown (a timeout or
    /// reset after it was sent, a 500) the result is <see cref="EntityWriteOutcome.Ambiguous"/>, never retried blindly.
    /// </summary>
    None = 0,

    /// <summary>
    /// The writer upserts by an external or natural key the target honours (<c>PUT /accounts/external_id/C-1</c>): every write is an
    /// upsert, repeated safely, so the connector's pipeline may retry it.
    /// </summary>
    UpsertByExternalKey = 1,

    /// <summary>
    /// The writer sends the idempotency key in the connector's idempotency header (<see cref="Http.ConnectorOptions.IdempotencyKeyHeader"/>)
    /// on every attempt, and the target de-duplicates on it, so the connector's pipeline may retry the create.
    /// </summary>
    IdempotencyKeyHeader = 2,

    /// <summary>
    /// Before every create attempt the writer looks the record up by its external id; when found it updates (or returns) it instead.
    /// A create whose outcome is unknown is followed by another lookup before the result is reported.
    /// </summary>
    ReadBeforeCreate = 3,
}
