using System.Text.Json;
using Connectivity.AspNetCore.Webhooks;
using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>
/// Hands a verified webhook of one system to the sync flow, in the endpoint's transaction: the inbox mark, the canonical record
/// and the outbox messages commit together. The webhook carries the whole record ("fat"): <c>{"type": "table.updated", "data": {…}}</c>.
/// </summary>
internal abstract class SystemWebhookHandler(string system, SyncFlow flow, SampleStats stats, ILogger logger) : IWebhookHandler
{
    public async ValueTask HandleAsync(VerifiedWebhook webhook, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(webhook.Body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            // Not an event this host knows: answered 2xx (the sender must not retry it forever) and reported.
            SampleLog.Refused(logger, $"{system} webhook {webhook.WebhookId}: no \"type\" string and \"data\" object");
            return;
        }

        var type = typeElement.GetString()!;
        var table = type[..Math.Max(0, type.LastIndexOf('.'))];
        foreach (var route in Routes.All.Where(r => r.System == system && r.Table == table))
        {
            var result = await RecordIngest.ProcessAsync(flow, route, data, webhook.Transaction, cancellationToken).ConfigureAwait(false);
            stats.Record(result);
            if (result.Outcome == SyncOutcome.Invalid)
            {
                SampleLog.Refused(logger, result.ToString());
            }

            foreach (var rejected in result.Decision?.Rejected ?? [])
            {
                SampleLog.Rejected(logger, rejected);
            }
        }
    }
}

internal sealed class CrmWebhookHandler(SyncFlow flow, SampleStats stats, ILogger<CrmWebhookHandler> logger) : SystemWebhookHandler(SystemNames.Crm, flow, stats, logger);

internal sealed class ErpWebhookHandler(SyncFlow flow, SampleStats stats, ILogger<ErpWebhookHandler> logger) : SystemWebhookHandler(SystemNames.Erp, flow, stats, logger);

internal sealed class ServiceWebhookHandler(SyncFlow flow, SampleStats stats, ILogger<ServiceWebhookHandler> logger) : SystemWebhookHandler(SystemNames.Service, flow, stats, logger);

/// <summary>Turns one system record into a sync flow call.</summary>
internal static class RecordIngest
{
    public static ValueTask<SyncResult> ProcessAsync(SyncFlow flow, Routes.Inbound route, JsonElement record, Connectivity.Delivery.IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        var remoteId = record.TryGetProperty(route.IdField, out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var hint = record.TryGetProperty(route.HintField, out var h) && h.ValueKind == JsonValueKind.String && h.GetString() is { Length: > 0 } text ? text : null;
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, SampleJsonContext.Default.JsonElement);
        if (string.IsNullOrEmpty(remoteId))
        {
            // Not an exception: the record is refused and reported like any bad input.
            return flow.ProcessAsync(new SyncRecord(route.System, route.EntityType, $"(no {route.IdField})", "null"u8.ToArray()), transaction, cancellationToken);
        }

        return flow.ProcessPayloadAsync(route.System, route.EntityType, remoteId, payload, deliveryId: null, canonicalIdHint: hint, transaction, cancellationToken);
    }
}
