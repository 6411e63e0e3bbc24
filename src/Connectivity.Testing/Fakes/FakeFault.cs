namespace Connectivity.Testing.Fakes;

/// <summary>The fault a <see cref="FakeSystem"/> injected into one write attempt.</summary>
public enum FakeFault
{
    /// <summary>No fault: the write went through (or failed on its own, for example an unreadable payload).</summary>
    None = 0,

    /// <summary>A transient failure (a 503): nothing was written.</summary>
    TransientFailure = 1,

    /// <summary>A rate limit (a 429 with <c>Retry-After</c>): nothing was written.</summary>
    RateLimit = 2,

    /// <summary>A timeout: the system waited, then failed transiently; nothing was written.</summary>
    Timeout = 3,

    /// <summary>An ambiguous outcome: the write was applied, but the answer was lost.</summary>
    AmbiguousOutcome = 4,

    /// <summary>The record was rejected (a 422) by <see cref="FakeFaults.RejectWhen"/>: nothing was written.</summary>
    Rejected = 5,
}
