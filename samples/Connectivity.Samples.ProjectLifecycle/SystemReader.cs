using System.Runtime.CompilerServices;
using System.Text.Json;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>
/// Reads a whole table of a system through its connector (paged, with the connector's resilience), each record mapped by the
/// route's inbound map: what the reconciler compares, and what a restarted host reads to catch up on webhooks it missed.
/// </summary>
internal sealed class SystemReader(Routes.Inbound route, ConnectorClient client) : IReconciliationSource
{
    public string System => route.System;

    public string EntityType => route.EntityType;

    public Routes.Inbound Route => route;

    /// <summary>Every record as the system returns it.</summary>
    public async IAsyncEnumerable<JsonElement> ReadRawAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (start, paging) = route.System switch
        {
            SystemNames.Crm => (new Uri($"query?object={route.Table}&limit=500", UriKind.Relative), PagingStrategy.SalesforceNextRecordsUrl()),
            SystemNames.Erp => (new Uri($"{route.Table}?$top=500", UriKind.Relative), PagingStrategy.ODataNextLink()),
            _ => (new Uri($"{route.Table}?sysparm_limit=500", UriKind.Relative), PagingStrategy.LinkHeader("result")),
        };
        await foreach (var page in client.ReadPagesAsync(start, paging, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in page.Records)
            {
                using var document = JsonDocument.Parse(record);
                yield return document.RootElement.Clone();
            }
        }
    }

    public async IAsyncEnumerable<SyncRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await foreach (var record in ReadRawAsync(cancellationToken).ConfigureAwait(false))
        {
            // A record without an id cannot be linked: it is compared as such (unlinked), not dropped.
            var remoteId = record.TryGetProperty(route.IdField, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text
                ? text
                : $"(no {route.IdField})";
            buffer.ResetWrittenCount();
            var mapped = route.Map.Map(JsonSerializer.SerializeToUtf8Bytes(record, SampleJsonContext.Default.JsonElement), buffer);

            // A record its map cannot read is compared as an empty one: every field it should hold shows as a disagreement.
            yield return new SyncRecord(route.System, route.EntityType, remoteId, mapped.Succeeded ? buffer.WrittenSpan.ToArray() : "{}"u8.ToArray());
        }
    }
}
