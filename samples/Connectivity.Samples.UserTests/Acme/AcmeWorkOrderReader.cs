using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Mapping;

namespace Connectivity.Samples.UserTests.Acme;

/// <summary>Reads Acme work orders, a page at a time (<c>{"items": [...], "next": "..."}</c>), through the inbound map.</summary>
public sealed class AcmeWorkOrderReader(ConnectorClient client, CompiledMap inboundMap) : EntityReader<WorkOrder>(client, inboundMap, CanonicalJson.GetTypeInfo<WorkOrder>())
{
    protected override PagingStrategy Paging { get; } = PagingStrategy.NextLink("next", "items");

    protected override Uri GetChangesUri(string? since) => new($"work-orders?since={Uri.EscapeDataString(since ?? string.Empty)}", UriKind.Relative);

    protected override Uri GetRecordUri(string remoteId) => new($"work-orders/{Uri.EscapeDataString(remoteId)}", UriKind.Relative);
}
