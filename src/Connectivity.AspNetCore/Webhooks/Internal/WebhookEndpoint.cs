using Connectivity.Connectors.Webhooks;
using Connectivity.Delivery;
using Connectivity.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Connectivity.AspNetCore.Webhooks.Internal;

/// <summary>
/// The request pipeline of one webhook source: content type, size, signature, UTF-8, inbox, handler.
/// Built once when the endpoint is mapped; thread-safe.
/// </summary>
internal sealed class WebhookEndpoint
{
    private readonly string _source;
    private readonly WebhookVerifier _verifier;
    private readonly bool _requireJson;
    private readonly IInboxStore _inbox;
    private readonly IStoreTransactionFactory _transactions;
    private readonly WebhookInFlight _inFlight;
    private readonly ILogger _logger;

    public WebhookEndpoint(
        string source,
        WebhookReceiverOptions options,
        TimeProvider timeProvider,
        IInboxStore inbox,
        IStoreTransactionFactory transactions,
        WebhookInFlight inFlight,
        ILogger logger)
    {
        _source = source;
        var scheme = options.Scheme ?? new StandardWebhooksSignatureScheme(options.StandardWebhooks, timeProvider);
        _verifier = new WebhookVerifier(scheme, new WebhookVerifierOptions { MaxBodySize = options.MaxBodySize });
        _requireJson = options.RequireJsonContentType;
        _inbox = inbox;
        _transactions = transactions;
        _inFlight = inFlight;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;

        if (_requireJson && !IsJson(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, WebhookErrorCodes.UnsupportedContentType, "Unsupported content type", "The content type must be application/json or application/*+json.").ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await WebhookBodyReader.ReadAsync(request, _verifier.MaxBodySize, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own framing checks (a broken chunk, its server-wide size limit): answer what it decided.
            await RefuseAsync(context, ex.StatusCode, WebhookErrorCodes.BodyUnreadable, "Bad request", "The request body could not be read.").ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, WebhookErrorCodes.BodyTooLarge, "Webhook body too large", $"The body is larger than the limit of {_verifier.MaxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        var headers = new HttpRequestWebhookHeaders(request.Headers);
        var verification = _verifier.Verify(new WebhookDelivery(body.Value, headers));
        if (!verification.IsVerified)
        {
            var (status, title) = ToStatus(verification.FailureKind);
            WebhookLog.Refused(_logger, _source, status, verification.ErrorCode!, verification.FailureKind);
            await WriteProblemAsync(context, status, verification.ErrorCode!, title, verification.Message!).ConfigureAwait(false);
            return;
        }

        if (verification.WebhookId is not { } webhookId)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, WebhookErrorCodes.MissingWebhookId, "Malformed webhook", "The delivery carries no webhook id, so it cannot be de-duplicated.").ConfigureAwait(false);
            return;
        }

        if (!_inFlight.TryEnter(_source, webhookId))
        {
            WebhookLog.InFlight(_logger, _source, webhookId);
            context.Response.Headers.RetryAfter = WebhookReceiverConstants.InFlightRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteProblemAsync(context, StatusCodes.Status409Conflict, WebhookErrorCodes.DeliveryInProgress, "Delivery in progress", "The same delivery is being handled right now; retry later.").ConfigureAwait(false);
            return;
        }

        try
        {
            await AcceptAndHandleAsync(context, new VerifiedWebhookParts(webhookId, verification.Timestamp, body.Value, headers)).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Exit(_source, webhookId);
        }
    }

    private async Task AcceptAndHandleAsync(HttpContext context, VerifiedWebhookParts parts)
    {
        var cancellationToken = context.RequestAborted;
        IStoreTransaction transaction;
        try
        {
            transaction = await _transactions.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.InboxFailed(_logger, ex, _source, parts.WebhookId);
            await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, WebhookErrorCodes.InboxUnavailable, "Inbox unavailable", "The delivery could not be recorded; retry later.").ConfigureAwait(false);
            return;
        }

        // Disposing without a commit rolls the inbox mark back, so a failed delivery is not seen as handled.
        await using (transaction.ConfigureAwait(false))
        {
            InboxResult inbox;
            try
            {
                inbox = await _inbox.TryAcceptAsync(_source, parts.WebhookId, transaction, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WebhookLog.InboxFailed(_logger, ex, _source, parts.WebhookId);
                await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, WebhookErrorCodes.InboxUnavailable, "Inbox unavailable", "The delivery could not be recorded; retry later.").ConfigureAwait(false);
                return;
            }

            if (inbox.IsDuplicate)
            {
                // Answered 2xx so the sender stops retrying; not handled twice.
                WebhookLog.Duplicate(_logger, _source, parts.WebhookId);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            try
            {
                var handler = context.RequestServices.GetRequiredKeyedService<IWebhookHandler>(_source);
                var webhook = new VerifiedWebhook(_source, parts.WebhookId, parts.Timestamp, parts.Body, parts.Headers, transaction);
                await handler.HandleAsync(webhook, cancellationToken).ConfigureAwait(false);

                // The work is done: record it even if the sender has disconnected meanwhile.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The sender is gone; nothing to answer. The mark rolls back and its retry is handled.
                return;
            }
            catch (Exception ex)
            {
                WebhookLog.HandlerFailed(_logger, ex, _source, parts.WebhookId);
                await WriteProblemAsync(context, StatusCodes.Status500InternalServerError, WebhookErrorCodes.HandlerFailed, "Webhook handler failed", "The delivery was not handled and is not recorded; retry it.").ConfigureAwait(false);
                return;
            }
        }

        WebhookLog.Handled(_logger, _source, parts.WebhookId);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static (int Status, string Title) ToStatus(WebhookFailureKind kind) => kind switch
    {
        WebhookFailureKind.InvalidSignature or WebhookFailureKind.TimestampTooOld or WebhookFailureKind.TimestampTooNew
            => (StatusCodes.Status401Unauthorized, "Webhook not verified"),
        WebhookFailureKind.BodyTooLarge => (StatusCodes.Status413PayloadTooLarge, "Webhook body too large"),
        _ => (StatusCodes.Status400BadRequest, "Malformed webhook"),
    };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
        && (mediaType.SubType.Equals("json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private Task RefuseAsync(HttpContext context, int status, string code, string title, string detail)
    {
        WebhookLog.RefusedRequest(_logger, _source, status, code, title);
        return WriteProblemAsync(context, status, code, title, detail);
    }

    // Details come from fixed sentences or WebhookVerificationResult.Message, which never holds a secret or an expected signature.
    private static Task WriteProblemAsync(HttpContext context, int status, string code, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);

    private readonly record struct VerifiedWebhookParts(string WebhookId, DateTimeOffset? Timestamp, ReadOnlyMemory<byte> Body, IWebhookHeaders Headers);
}
