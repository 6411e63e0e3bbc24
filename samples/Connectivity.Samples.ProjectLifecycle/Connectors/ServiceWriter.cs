using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Mapping;

namespace Connectivity.Samples.ProjectLifecycle.Connectors;

/// <summary>
/// Writes to a ServiceNow-style table, which has no upsert: it reads before it creates (<c>u_connectivity_id</c> holds our
/// canonical id), and after a create whose answer was lost it looks again before it retries.
/// </summary>
internal abstract class ServiceWriter<T>(ConnectorClient client, CompiledMap outboundMap, JsonTypeInfo<T> typeInfo, string table)
    : EntityWriter<T>(client, outboundMap, typeInfo)
    where T : CanonicalEntity
{
    public override IdempotencyStrategy Strategy => IdempotencyStrategy.ReadBeforeCreate;

    protected override string? GetKnownRemoteId(T entity) => entity.GetRemoteId(SystemNames.Service);

    protected override HttpRequestMessage CreateLookupRequest(T entity)
        => new(HttpMethod.Get, $"{table}?sysparm_query=u_connectivity_id={Uri.EscapeDataString(entity.Id)}&sysparm_limit=1");

    protected override HttpRequestMessage CreateCreateRequest(T entity, ReadOnlyMemory<byte> payload)
        => new(HttpMethod.Post, table) { Content = CreateJsonContent(payload) };

    protected override HttpRequestMessage? CreateUpdateRequest(string remoteId, T entity, ReadOnlyMemory<byte> payload)
        => new(HttpMethod.Patch, $"{table}/{Uri.EscapeDataString(remoteId)}") { Content = CreateJsonContent(payload) };

    protected override string? ReadRemoteId(HttpResponseMessage response, ReadOnlyMemory<byte> body) => SysId(body);

    protected override string? ReadLookupResult(HttpResponseMessage response, ReadOnlyMemory<byte> body) => SysId(body);

    private static string? SysId(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        var result = document.RootElement.TryGetProperty("result", out var r) ? r : default;
        if (result.ValueKind == JsonValueKind.Array)
        {
            result = result.GetArrayLength() > 0 ? result[0] : default;
        }

        return result.ValueKind == JsonValueKind.Object && result.TryGetProperty("sys_id", out var id) ? id.GetString() : null;
    }
}

internal sealed class ServiceCompanyWriter(ConnectorClient client)
    : ServiceWriter<Customer>(client, Maps.ServiceMaps.CustomerOut, CanonicalJson.GetTypeInfo<Customer>(), "core_company");

internal sealed class ServiceProjectWriter(ConnectorClient client)
    : ServiceWriter<Project>(client, Maps.ServiceMaps.ProjectOut, CanonicalJson.GetTypeInfo<Project>(), "pm_project");

internal sealed class ServiceContractWriter(ConnectorClient client)
    : ServiceWriter<Contract>(client, Maps.ServiceMaps.ContractOut, CanonicalJson.GetTypeInfo<Contract>(), "ast_contract");

internal sealed class ServiceEntitlementWriter(ConnectorClient client)
    : ServiceWriter<Entitlement>(client, Maps.ServiceMaps.EntitlementOut, CanonicalJson.GetTypeInfo<Entitlement>(), "service_entitlement");

internal sealed class ServiceAssetWriter(ConnectorClient client)
    : ServiceWriter<Asset>(client, Maps.ServiceMaps.AssetOut, CanonicalJson.GetTypeInfo<Asset>(), "alm_asset");
