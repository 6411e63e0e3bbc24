namespace Connectivity.Connectors.Webhooks;

/// <summary>The headers of the <see href="https://www.standardwebhooks.com">Standard Webhooks</see> specification.</summary>
public static class StandardWebhooksHeaderNames
{
    /// <summary>The unique id of the message; the same on every retry of it. Use it to drop duplicates.</summary>
    public const string Id = "webhook-id";

    /// <summary>The time the message was sent, as whole seconds since the Unix epoch.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>version,signature</c> entries, for example <c>v1,&lt;base64&gt;</c>.</summary>
    public const string Signature = "webhook-signature";
}
