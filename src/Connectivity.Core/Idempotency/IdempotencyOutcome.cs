namespace Connectivity.Idempotency;

/// <summary>What <see cref="IIdempotencyStore.TryBeginAsync"/> found for a key.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new (or its earlier holder gave up or timed out): the caller proceeds and then completes or abandons it.</summary>
    New = 0,

    /// <summary>Another caller holds the key and has not finished: do not proceed; try again later.</summary>
    InFlight = 1,

    /// <summary>The work was done before: the stored result is returned instead of doing it again.</summary>
    Completed = 2,

    /// <summary>The key was used for a different request (another fingerprint): refuse it.</summary>
    Mismatch = 3,
}
