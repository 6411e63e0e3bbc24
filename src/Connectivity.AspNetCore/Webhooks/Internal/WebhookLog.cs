using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Logging;

namespace Connectivity.AspNetCore.Webhooks.Internal;

internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Warning, "Webhook from {Source} refused with {StatusCode}: {ErrorCode} {FailureKind}.")]
    public static partial void Refused(ILogger logger, string source, int statusCode, string errorCode, WebhookFailureKind failureKind);

    [LoggerMessage(2, LogLevel.Debug, "Webhook {WebhookId} from {Source} is a duplicate; answered without handling it.")]
    public static partial void Duplicate(ILogger logger, string source, string webhookId);

    [LoggerMessage(3, LogLevel.Information, "Webhook {WebhookId} from {Source} arrived while the same delivery is being handled; answered 409 (CNX6211).")]
    public static partial void InFlight(ILogger logger, string source, string webhookId);

    [LoggerMessage(4, LogLevel.Error, "Webhook {WebhookId} from {Source} failed in its handler (CNX6213); not marked as seen, so a retry is handled again.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string source, string webhookId);

    [LoggerMessage(5, LogLevel.Debug, "Webhook {WebhookId} from {Source} handled.")]
    public static partial void Handled(ILogger logger, string source, string webhookId);

    [LoggerMessage(6, LogLevel.Warning, "Webhook from {Source} refused with {StatusCode}: {ErrorCode} {Reason}")]
    public static partial void RefusedRequest(ILogger logger, string source, int statusCode, string errorCode, string reason);

    [LoggerMessage(7, LogLevel.Error, "Webhook {WebhookId} from {Source} could not be recorded in the inbox; answered 503 (CNX6212).")]
    public static partial void InboxFailed(ILogger logger, Exception exception, string source, string webhookId);
}
