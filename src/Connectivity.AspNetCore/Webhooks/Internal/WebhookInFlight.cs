using System.Collections.Concurrent;

namespace Connectivity.AspNetCore.Webhooks.Internal;

/// <summary>
/// The deliveries being handled in this process right now. A store that takes the inbox mark before the
/// transaction commits (the in-memory one) would call a concurrent retry a duplicate and have it answered
/// 2xx while the first attempt may still fail; this refuses such a retry with 409 instead.
/// </summary>
internal sealed class WebhookInFlight
{
    private readonly ConcurrentDictionary<(string Source, string WebhookId), byte> _handling = new();

    public bool TryEnter(string source, string webhookId) => _handling.TryAdd((source, webhookId), 0);

    public void Exit(string source, string webhookId) => _handling.TryRemove((source, webhookId), out _);
}
