using Ardalis.GuardClauses;
using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Verifies deliveries signed Stripe style: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…]</c>,
/// HMAC-SHA256 over <c>{t}.{body}</c>, and a timestamp within a tolerance of the current time.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Entries other than <c>t</c> and <c>v1</c> (such as <c>v0</c>) are ignored. The style carries the
/// event id in the body, not in a header, so <see cref="WebhookVerificationResult.WebhookId"/> is
/// <see langword="null"/>. As with <see cref="StandardWebhooksSignatureScheme"/>, the signature is
/// checked before the timestamp.
/// </remarks>
public sealed class StripeSignatureScheme : IWebhookSignatureScheme
{
    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="StripeSignatureScheme"/> class that reads the system clock.</summary>
    /// <param name="options">The secrets and the tolerance; copied, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No secret is configured, or a secret is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is not greater than zero.</exception>
    public StripeSignatureScheme(StripeSignatureOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StripeSignatureScheme"/> class.</summary>
    /// <param name="options">The secrets and the tolerance; copied, later changes have no effect.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No secret is configured, or a secret is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is not greater than zero.</exception>
    public StripeSignatureScheme(StripeSignatureOptions options, TimeProvider timeProvider)
    {
        Guard.Against.Null(options);
        _timeProvider = Guard.Against.Null(timeProvider);
        _keys = Guard.Against.InvalidTextSecrets(options.Secrets, nameof(options));
        _tolerance = Guard.Against.InvalidTolerance(options.Tolerance, nameof(options));
    }

    /// <inheritdoc />
    public string Name => "stripe";

    /// <inheritdoc />
    public WebhookVerificationResult Verify(WebhookDelivery delivery)
    {
        Guard.Against.Null(delivery);

        if (WebhookChecks.GetRequiredHeader(delivery, WebhookConstants.StripeSignatureHeader) is not { } header)
        {
            return WebhookChecks.MissingHeaders(WebhookConstants.StripeSignatureHeader);
        }

        string? timestampText = null;
        var candidates = new List<byte[]>();
        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return Malformed();
            }

            var key = item.AsSpan(0, equals);
            var value = item.AsSpan(equals + 1);
            if (key.SequenceEqual("t"))
            {
                if (timestampText is not null)
                {
                    return Malformed();
                }

                timestampText = value.ToString();
            }
            else if (key.SequenceEqual(WebhookConstants.StripeSignatureVersion))
            {
                if (WebhookChecks.TryDecodeHex(value) is not { } signature)
                {
                    return Malformed();
                }

                candidates.Add(signature);
            }
        }

        if (timestampText is null || !WebhookChecks.TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return Malformed();
        }

        if (candidates.Count == 0)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.InvalidSignature,
                $"The {WebhookConstants.StripeSignatureHeader} header holds no {WebhookConstants.StripeSignatureVersion} signature; other versions are not supported.");
        }

        if (!WebhookChecks.AnyMatches(_keys, $"{timestampText}.", delivery.Body.Span, candidates))
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.InvalidSignature,
                $"No {WebhookConstants.StripeSignatureVersion} signature in the {WebhookConstants.StripeSignatureHeader} header matches the body under any configured secret.");
        }

        return WebhookChecks.CheckTolerance(timestamp, _timeProvider, _tolerance)
            ?? WebhookVerificationResult.Verified(null, timestamp);
    }

    private static WebhookVerificationResult Malformed() => WebhookVerificationResult.Failed(
        WebhookFailureKind.MalformedHeader,
        $"The {WebhookConstants.StripeSignatureHeader} header is not a comma-separated list of 'key=value' items with one whole-second timestamp 't' and hexadecimal SHA-256 signatures for v1.");
}
