namespace Connectivity.Connectors.Http;

/// <summary>What came of one connector call, after the resilience profile has done what it may.</summary>
public enum HttpCallOutcome
{
    /// <summary>The target accepted the request.</summary>
    Succeeded = 0,

    /// <summary>The target answered with a failure the classification says to ignore (the work is already done).</summary>
    Ignored = 1,

    /// <summary>The call failed in a way that may pass, and the target did not act on it (or the request is safe to repeat): try again later.</summary>
    TransientFailure = 2,

    /// <summary>The target (or the client-side quota) refused for its rate limit; <see cref="HttpCallResult.NotBefore"/> says when to try again, when known.</summary>
    RateLimited = 3,

    /// <summary>The call failed in a way that will not pass by itself (a 4xx, refused credentials).</summary>
    PermanentFailure = 4,

    /// <summary>
    /// A write that is not safe to repeat failed after it was sent (a timeout, a reset connection, a 500 or 504): the target may or may
    /// not have applied it. It was not retried; the caller must find out (read before it writes again) or rely on a key the target honours.
    /// </summary>
    Ambiguous = 5,
}
