using Connectivity.Connectors.Http.Authentication;
using Connectivity.Connectors.Http.Internal;

namespace Connectivity.Connectors.Http;

/// <summary>The options of one connector (one named <see cref="HttpClient"/>), validated at start-up.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Gets or sets the base address of the target's API; relative request URIs resolve against it.</summary>
    /// <value>The default value is <see langword="null"/>: requests carry absolute URIs.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets how requests authenticate.</summary>
    /// <value>The default value is <see langword="null"/>: no authentication.</value>
    public HttpAuthentication? Authentication { get; set; }

    /// <summary>Gets or sets the resilience profile.</summary>
    /// <value>The default value is a <see cref="ConnectorResilienceOptions"/> with its documented defaults.</value>
    public ConnectorResilienceOptions Resilience { get; set; } = new();

    /// <summary>Gets or sets the table that classifies responses.</summary>
    /// <value>The default value is <see cref="HttpErrorClassification.Default"/>.</value>
    public HttpErrorClassification ErrorClassification { get; set; } = HttpErrorClassification.Default;

    /// <summary>Gets or sets the name of the header that carries an idempotency key; a write that carries it is retried in the call.</summary>
    /// <value>The default value is <c>Idempotency-Key</c>.</value>
    public string IdempotencyKeyHeader { get; set; } = ConnectorConstants.DefaultIdempotencyKeyHeader;
}
