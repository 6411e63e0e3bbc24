namespace Connectivity.Connectors.Http;

/// <summary>What a connector does with a response, as classified by <see cref="HttpErrorClassification"/>.</summary>
public enum HttpErrorAction
{
    /// <summary>The response is a success.</summary>
    Succeed = 0,

    /// <summary>The failure may pass: retry a retry-safe request in the call, hand any other back to the caller.</summary>
    Retry = 1,

    /// <summary>The failure will not pass by itself: do not retry.</summary>
    Fail = 2,

    /// <summary>The failure means the work is already done (for example 404 on a <c>DELETE</c>): treat it as a success.</summary>
    Ignore = 3,

    /// <summary>The target refused for its quota: wait as long as it says (within the budget), or hand back a not-before time.</summary>
    RateLimited = 4,

    /// <summary>The credentials were refused: refresh the access token once and send again.</summary>
    RefreshTokenThenRetry = 5,
}
