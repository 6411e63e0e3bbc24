namespace Connectivity.Connectors.Entities;

/// <summary>What came of one <see cref="EntityWriter{TEntity}.UpsertAsync"/>.</summary>
public enum EntityWriteOutcome
{
    /// <summary>The target created the record.</summary>
    Created = 0,

    /// <summary>The target updated an existing record (or upserted it by its key).</summary>
    Updated = 1,

    /// <summary>The record existed already (found by a read-before-create lookup) and the writer does no updates: it was left as it is.</summary>
    Existed = 2,

    /// <summary>The write failed in a way that may pass, and was not applied (or is safe to repeat): try again later.</summary>
    TransientFailure = 3,

    /// <summary>The target refused for its rate limit; <see cref="EntityWriteResult.NotBefore"/> says when to try again, when known.</summary>
    RateLimited = 4,

    /// <summary>The write failed in a way that will not pass by itself (a 4xx, a payload the outbound map cannot make).</summary>
    PermanentFailure = 5,

    /// <summary>A create may or may not have been applied and the writer's strategy could not settle which: never retried blindly.</summary>
    Ambiguous = 6,
}
