using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http;

/// <summary>
/// The base of an HTTP connector registered with <c>AddConnector&lt;TConnector&gt;</c>: a derived class adds the target's
/// operations on top of <see cref="Client"/>. Its constructor takes a <see cref="ConnectorClient"/> (supplied by the registration)
/// and any other services.
/// </summary>
public abstract class HttpConnector
{
    /// <summary>Initializes a new connector.</summary>
    /// <param name="client">The connector's client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    protected HttpConnector(ConnectorClient client)
    {
        Client = Guard.Against.Null(client);
    }

    /// <summary>Gets the connector name.</summary>
    public string Name => Client.Name;

    /// <summary>Gets the client that sends the connector's requests.</summary>
    public ConnectorClient Client { get; }
}
