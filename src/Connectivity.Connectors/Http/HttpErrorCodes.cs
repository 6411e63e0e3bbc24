namespace Connectivity.Connectors.Http;

/// <summary>Stable error codes of HTTP connectors. The full list is in <c>docs/error-codes.md</c>.</summary>
public static class HttpErrorCodes
{
    /// <summary>A call failed in a way that may pass (a 5xx or 408 on a retry-safe request, a refused connection, a timeout of a read).</summary>
    public const string TransientFailure = "CNX6001";

    /// <summary>The target or the client-side quota refused the call for its rate limit.</summary>
    public const string RateLimited = "CNX6002";

    /// <summary>A write that is not safe to repeat failed after it was sent; the target may or may not have applied it.</summary>
    public const string AmbiguousOutcome = "CNX6003";

    /// <summary>The target refused the call (a 4xx the classification calls a failure).</summary>
    public const string PermanentFailure = "CNX6004";

    /// <summary>The circuit breaker of the target authority is open; the call was not sent.</summary>
    public const string CircuitOpen = "CNX6005";

    /// <summary>The target refused the credentials, or no access token could be obtained.</summary>
    public const string AuthenticationFailed = "CNX6006";

    /// <summary>A paged read stopped at its page cap with more pages left.</summary>
    public const string PageCapReached = "CNX6007";
}
