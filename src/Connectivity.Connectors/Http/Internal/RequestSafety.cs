namespace Connectivity.Connectors.Http.Internal;

/// <summary>Which requests the profile may send more than once.</summary>
internal static class RequestSafety
{
    public static bool IsSafeMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace;

    public static bool IsRetrySafe(HttpRequestMessage request, string idempotencyKeyHeader) =>
        IsSafeMethod(request.Method) || request.Headers.Contains(idempotencyKeyHeader)
        || (request.Options.TryGetValue(ConnectorRequestOptions.RetrySafe, out var retrySafe) && retrySafe);

    /// <summary>Whether an exception proves the request never reached the target (the connection was never made).</summary>
    public static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}
