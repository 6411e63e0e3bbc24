using System.Text.Json.Serialization.Metadata;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Mapping;

namespace Connectivity.Samples.ProjectLifecycle.Connectors;

/// <summary>
/// Writes to a Salesforce-style object. With an external id field it upserts by our canonical id (<c>PATCH
/// sobjects/{object}/{field}/{id}</c>), so a retry or a replay never creates a second record; without one it only updates records
/// sales created (accounts, opportunities), known by the id the CRM sent us.
/// </summary>
internal abstract class CrmWriter<T>(ConnectorClient client, CompiledMap outboundMap, JsonTypeInfo<T> typeInfo, string sobject, string? externalIdField)
    : EntityWriter<T>(client, outboundMap, typeInfo)
    where T : CanonicalEntity
{
    public override IdempotencyStrategy Strategy => externalIdField is null ? IdempotencyStrategy.None : IdempotencyStrategy.UpsertByExternalKey;

    protected override string? GetKnownRemoteId(T entity) => entity.GetRemoteId(SystemNames.Crm);

    protected override HttpRequestMessage CreateUpsertRequest(T entity, ReadOnlyMemory<byte> payload)
        => new(HttpMethod.Patch, $"sobjects/{sobject}/{externalIdField}/{Uri.EscapeDataString(entity.Id)}") { Content = CreateJsonContent(payload) };

    protected override HttpRequestMessage? CreateUpdateRequest(string remoteId, T entity, ReadOnlyMemory<byte> payload)
        => new(HttpMethod.Patch, $"sobjects/{sobject}/{Uri.EscapeDataString(remoteId)}") { Content = CreateJsonContent(payload) };

    protected override HttpRequestMessage CreateCreateRequest(T entity, ReadOnlyMemory<byte> payload)
        => throw new InvalidOperationException($"Sales creates {sobject} records in the CRM; {typeof(T).Name} {entity.Id} has no CRM id, so it is not created there.");
}

internal sealed class CrmAccountWriter(ConnectorClient client)
    : CrmWriter<Customer>(client, Maps.CrmMaps.CustomerOut, CanonicalJson.GetTypeInfo<Customer>(), "Account", null);

internal sealed class CrmOpportunityProjectWriter(ConnectorClient client)
    : CrmWriter<Project>(client, Maps.CrmMaps.ProjectOut, CanonicalJson.GetTypeInfo<Project>(), "Opportunity", null);

internal sealed class CrmOpportunityContractWriter(ConnectorClient client)
    : CrmWriter<Contract>(client, Maps.CrmMaps.ContractOut, CanonicalJson.GetTypeInfo<Contract>(), "Opportunity", null);

internal sealed class CrmInvoiceWriter(ConnectorClient client)
    : CrmWriter<Invoice>(client, Maps.CrmMaps.InvoiceOut, CanonicalJson.GetTypeInfo<Invoice>(), "Invoice__c", "Connectivity_Id__c");
