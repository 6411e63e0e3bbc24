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
            var remoteId = record.GetProperty(route.IdField).GetString()!;
            buffer.ResetWrittenCount();
            var mapped = route.Map.Map(JsonSerializer.SerializeToUtf8Bytes(record, SampleJsonContext.Default.JsonElement), buffer);
            yield return new SyncRecord(route.System, route.EntityType, remoteId, mapped.Succeeded ? buffer.WrittenSpan.ToArray() : "null"u8.ToArray());
        }
    }
}
