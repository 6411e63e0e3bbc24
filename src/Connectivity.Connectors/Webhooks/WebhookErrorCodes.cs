namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Stable error codes of webhook verification (<see cref="WebhookVerificationResult.ErrorCode"/>, one per
/// <see cref="WebhookFailureKind"/>) and of the receiving endpoint's other refusals, which it puts in its problem
/// responses (<c>code</c>) and logs. The full list is in <c>docs/error-codes.md</c>.
/// </summary>
public static class WebhookErrorCodes
{
    /// <summary>A header the signature scheme requires is absent or empty (<see cref="WebhookFailureKind.MissingHeader"/>).</summary>
    public const string MissingHeader = "CNX6201";

    /// <summary>A header the scheme requires is not in the form it defines (<see cref="WebhookFailureKind.MalformedHeader"/>).</summary>
    public const string MalformedHeader = "CNX6202";

    /// <summary>No signature matches the body under any configured secret (<see cref="WebhookFailureKind.InvalidSignature"/>).</summary>
    public const string InvalidSignature = "CNX6203";

    /// <summary>The signed timestamp is older than the tolerance (<see cref="WebhookFailureKind.TimestampTooOld"/>): a replay or a skewed clock.</summary>
    public const string TimestampTooOld = "CNX6204";

    /// <summary>The signed timestamp is further in the future than the tolerance (<see cref="WebhookFailureKind.TimestampTooNew"/>).</summary>
    public const string TimestampTooNew = "CNX6205";

    /// <summary>The body is larger than the limit (<see cref="WebhookFailureKind.BodyTooLarge"/>).</summary>
    public const string BodyTooLarge = "CNX6206";

    /// <summary>The body is signed correctly but is not valid UTF-8 (<see cref="WebhookFailureKind.InvalidUtf8"/>).</summary>
    public const string InvalidUtf8 = "CNX6207";

    /// <summary>The receiving endpoint accepts JSON only and the content type is something else.</summary>
    public const string UnsupportedContentType = "CNX6208";

    /// <summary>The request body could not be read (broken framing, the server's own limits).</summary>
    public const string BodyUnreadable = "CNX6209";

    /// <summary>A verified delivery carries no webhook id, so it cannot be de-duplicated.</summary>
    public const string MissingWebhookId = "CNX6210";

    /// <summary>The same delivery is being handled right now; the sender should retry later.</summary>
    public const string DeliveryInProgress = "CNX6211";

    /// <summary>The delivery could not be recorded in the inbox; the sender should retry later.</summary>
    public const string InboxUnavailable = "CNX6212";

    /// <summary>The handler failed; the delivery is not recorded and a retry is handled.</summary>
    public const string HandlerFailed = "CNX6213";

    /// <summary>The code of a verification failure kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The code, or <see langword="null"/> for <see cref="WebhookFailureKind.None"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static string? For(WebhookFailureKind kind) => kind switch
    {
        WebhookFailureKind.None => null,
        WebhookFailureKind.MissingHeader => MissingHeader,
        WebhookFailureKind.MalformedHeader => MalformedHeader,
        WebhookFailureKind.InvalidSignature => InvalidSignature,
        WebhookFailureKind.TimestampTooOld => TimestampTooOld,
        WebhookFailureKind.TimestampTooNew => TimestampTooNew,
        WebhookFailureKind.BodyTooLarge => BodyTooLarge,
        WebhookFailureKind.InvalidUtf8 => InvalidUtf8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a webhook failure kind."),
    };
}
