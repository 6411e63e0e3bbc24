using Connectivity.Connectors.Http;

namespace Connectivity.Samples.ProjectLifecycle.Connectors;

/// <summary>The CRM connector: a named HTTP client with the write-safe resilience profile.</summary>
internal sealed class CrmConnector(ConnectorClient client) : HttpConnector(client);

/// <summary>The ERP connector.</summary>
internal sealed class ErpConnector(ConnectorClient client) : HttpConnector(client);

/// <summary>The service platform connector.</summary>
internal sealed class ServiceConnector(ConnectorClient client) : HttpConnector(client);
