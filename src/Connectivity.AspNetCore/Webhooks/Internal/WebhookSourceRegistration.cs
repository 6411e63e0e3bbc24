namespace Connectivity.AspNetCore.Webhooks.Internal;

/// <summary>Marks a webhook source registered with <c>AddWebhookReceiver</c>, one per source.</summary>
internal sealed record WebhookSourceRegistration(string Source);
