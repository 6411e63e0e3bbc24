using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Mapping;

namespace Connectivity.Samples.UserTests.Acme;

/// <summary>Writes work orders to Acme: <c>PUT work-orders/by-ref/{canonical id}</c>, an upsert Acme keys by our id.</summary>
public sealed class AcmeWorkOrderWriter(ConnectorClient client) : EntityWriter<WorkOrder>(client, Outbound, CanonicalJson.GetTypeInfo<WorkOrder>())
{
    /// <summary>Gets the map from a canonical work order to Acme's payload.</summary>
    public static CompiledMap Outbound { get; } = new MapBuilder("canonical-work-order-to-acme")
        .Field("ref", r => r.Copy("id"))
        .Field("title", r => r.Copy("summary"))
        .Field("notes", r => r.Copy("description"))
        .Field("account", r => r.Copy("customerId"))
        .Field("technician.name", r => r.Copy("assignedTechnician.familyName"))
        .Build();

    public override IdempotencyStrategy Strategy => IdempotencyStrategy.UpsertByExternalKey;

    protected override HttpRequestMessage CreateUpsertRequest(WorkOrder entity, ReadOnlyMemory<byte> payload)
        => new(HttpMethod.Put, $"work-orders/by-ref/{Uri.EscapeDataString(entity.Id)}") { Content = CreateJsonContent(payload) };
}
