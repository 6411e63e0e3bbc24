using System.Text.Json.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Mapping;

namespace Connectivity.Connectors.Tests.Entities;

/// <summary>A small canonical-like entity.</summary>
internal sealed class TestCustomer
{
    public string? ExternalId { get; set; }

    public string? Name { get; set; }

    public decimal? CreditLimit { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestCustomer))]
internal sealed partial class EntityTestJson : JsonSerializerContext;

internal static class CustomerMaps
{
    /// <summary>The target's record (<c>code</c>, <c>name</c>, <c>limit</c> as text) to the entity.</summary>
    public static CompiledMap Inbound { get; } = new MapBuilder("erp-customer-in")
        .Field("externalId", r => r.Copy("code").Required())
        .Field("name", r => r.Copy("name").Trim().Required())
        .Field("creditLimit", r => r.Copy("limit").AsDecimal())
        .Build();

    /// <summary>The entity to the target's payload.</summary>
    public static CompiledMap Outbound { get; } = new MapBuilder("erp-customer-out")
        .Field("code", r => r.Copy("externalId").Required())
        .Field("name", r => r.Copy("name"))
        .Field("limit", r => r.Copy("creditLimit"))
        .Build();
}

/// <summary>Reads <c>/changes</c> with offset paging; a record with <c>"deleted":true</c> is a tombstone.</summary>
internal sealed class CustomerReader(ConnectorClient client, int pageSize = 3, int maxPages = 1000)
    : EntityReader<TestCustomer>(client, CustomerMaps.Inbound, EntityTestJson.Default.TestCustomer)
{
    protected override PagingStrategy Paging { get; } = PagingStrategy.OffsetLimit("offset", "limit", pageSize, "items").WithMaxPages(maxPages);

    protected override Uri GetChangesUri(string? since) =>
        new(since is null ? "changes" : $"changes?since={Uri.EscapeDataString(since)}", UriKind.Relative);

    protected override bool IsDeletion(ReadOnlySpan<byte> record) => record.IndexOf("\"deleted\":true"u8) >= 0;

    protected override Uri GetRecordUri(string remoteId) => new($"customers/{Uri.EscapeDataString(remoteId)}", UriKind.Relative);
}

/// <summary>Writes customers to the fake target under whatever strategy the test declares.</summary>
internal sealed class CustomerWriter(ConnectorClient client, IdempotencyStrategy strategy, bool updates = true)
    : EntityWriter<TestCustomer>(client, CustomerMaps.Outbound, EntityTestJson.Default.TestCustomer)
{
    public override IdempotencyStrategy Strategy => strategy;

    protected override HttpRequestMessage CreateUpsertRequest(TestCustomer entity, ReadOnlyMemory<byte> payload) =>
        new(HttpMethod.Put, $"customers/by-code/{Uri.EscapeDataString(entity.ExternalId!)}") { Content = CreateJsonContent(payload) };

    protected override HttpRequestMessage CreateCreateRequest(TestCustomer entity, ReadOnlyMemory<byte> payload) =>
        new(HttpMethod.Post, "customers") { Content = CreateJsonContent(payload) };

    protected override HttpRequestMessage? CreateUpdateRequest(string remoteId, TestCustomer entity, ReadOnlyMemory<byte> payload) =>
        updates ? new(HttpMethod.Put, $"customers/{Uri.EscapeDataString(remoteId)}") { Content = CreateJsonContent(payload) } : null;

    protected override HttpRequestMessage CreateLookupRequest(TestCustomer entity) =>
        new(HttpMethod.Get, $"customers?code={Uri.EscapeDataString(entity.ExternalId!)}");
}

internal static class PagingExtensions
{
    public static PagingStrategy WithMaxPages(this PagingStrategy paging, int maxPages)
    {
        paging.MaxPages = maxPages;
        return paging;
    }
}
