namespace Connectivity.Connectors.Http;

/// <summary>Keys a caller sets in <see cref="HttpRequestMessage.Options"/> to steer the connector's resilience profile.</summary>
public static class ConnectorRequestOptions
{
    /// <summary>
    /// Gets the key of the tenant a request is for, on a host that serves several tenants. Each (authority, tenant) pair has its own
    /// circuit breaker and rate limiter, so one tenant's outage or quota does not stop the others.
    /// </summary>
    public static HttpRequestOptionsKey<string> Tenant { get; } = new("Connectivity.Tenant");

    internal static HttpRequestOptionsKey<long> CallStarted { get; } = new("Connectivity.CallStarted");

    /// <summary>Set by an entity writer on a write that the target applies idempotently (an upsert by a key, an update of a known id).</summary>
    internal static HttpRequestOptionsKey<bool> RetrySafe { get; } = new("Connectivity.RetrySafe");
}
