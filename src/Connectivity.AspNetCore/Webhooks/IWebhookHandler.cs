namespace Connectivity.AspNetCore.Webhooks;

/// <summary>
/// Handles the verified, first-seen deliveries of one webhook source. Register it with
/// <c>AddWebhookReceiver&lt;THandler&gt;(source, …)</c>; it is resolved from the request's scope.
/// </summary>
/// <remarks>
/// The delivery is marked as seen in the inbox only when this method returns: when it throws, the
/// sender is answered 500 and its retry is handled again. So a handler must finish its work (or
/// enlist it in <see cref="VerifiedWebhook.Transaction"/>) before it returns, and should throw
/// rather than swallow a failure it wants retried.
/// </remarks>
public interface IWebhookHandler
{
    /// <summary>Handles one verified delivery.</summary>
    /// <param name="webhook">The delivery: source, webhook id, signed timestamp and raw body.</param>
    /// <param name="cancellationToken">Cancelled when the sender disconnects.</param>
    /// <returns>A task that completes when the delivery is handled.</returns>
    ValueTask HandleAsync(VerifiedWebhook webhook, CancellationToken cancellationToken);
}
