using Connectivity.Connectors.Http;

namespace Connectivity.Samples.UserTests.Acme;

/// <summary>The Acme Field Service connector: its HTTP client, with the SDK's write-safe pipeline.</summary>
public sealed class AcmeConnector(ConnectorClient client) : HttpConnector(client);
