using System.Text.Json.Serialization.Metadata;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Mapping;

namespace Connectivity.Samples.ProjectLifecycle.Connectors;

/// <summary>
/// Writes to a Business Central-style entity set by upsert on the external number, which holds our canonical id
/// (<c>PATCH {set}(externalNo='{id}')</c> with <c>If-Match: *</c>): a retry, a replay or a lost answer never makes a duplicate.
/// </summary>
internal abstract class ErpWriter<T>(ConnectorClient client, CompiledMap outboundMap, JsonTypeInfo<T> typeInfo, string entitySet)
    : EntityWriter<T>(client, outboundMap, typeInfo)
    where T : CanonicalEntity
{
    public override IdempotencyStrategy Strategy => IdempotencyStrategy.UpsertByExternalKey;

    protected override HttpRequestMessage CreateUpsertRequest(T entity, ReadOnlyMemory<byte> payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{entitySet}(externalNo='{Uri.EscapeDataString(entity.Id.Replace("'", "''", StringComparison.Ordinal))}')")
        {
            Content = CreateJsonContent(payload),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return request;
    }
}

internal sealed class ErpCustomerWriter(ConnectorClient client)
    : ErpWriter<Customer>(client, Maps.ErpMaps.CustomerOut, CanonicalJson.GetTypeInfo<Customer>(), "customers");

internal sealed class ErpProjectWriter(ConnectorClient client)
    : ErpWriter<Project>(client, Maps.ErpMaps.ProjectOut, CanonicalJson.GetTypeInfo<Project>(), "projects");

internal sealed class ErpContractWriter(ConnectorClient client)
    : ErpWriter<Contract>(client, Maps.ErpMaps.ContractOut, CanonicalJson.GetTypeInfo<Contract>(), "contracts");

internal sealed class ErpWorkOrderWriter(ConnectorClient client)
    : ErpWriter<WorkOrder>(client, Maps.ErpMaps.WorkOrderOut, CanonicalJson.GetTypeInfo<WorkOrder>(), "workOrders");
