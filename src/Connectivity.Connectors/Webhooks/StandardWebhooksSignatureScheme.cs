using Ardalis.GuardClauses;
using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Verifies deliveries signed as the <see href="https://www.standardwebhooks.com">Standard Webhooks</see>
/// specification describes: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, the
/// signatures in <c>webhook-signature</c> as space-separated <c>v1,&lt;base64&gt;</c> entries, and a
/// timestamp within a tolerance of the current time. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Any configured secret may match any <c>v1</c> entry, which is what secret rotation needs.
/// Entries of other versions (<c>v1a</c> asymmetric signatures, future versions) are ignored.
/// The signature is checked before the timestamp, so a timestamp failure always concerns a delivery
/// the sender really signed: a replay or a skewed clock rather than a forgery.
/// </remarks>
public sealed class StandardWebhooksSignatureScheme : IWebhookSignatureScheme
{
    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="StandardWebhooksSignatureScheme"/> class that reads the system clock.</summary>
    /// <param name="options">The secrets and the tolerance; copied, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No secret is configured, or a secret is blank or not base64.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is not greater than zero.</exception>
    public StandardWebhooksSignatureScheme(StandardWebhooksOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StandardWebhooksSignatureScheme"/> class.</summary>
    /// <param name="options">The secrets and the tolerance; copied, later changes have no effect.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No secret is configured, or a secret is blank or not base64.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is not greater than zero.</exception>
    public StandardWebhooksSignatureScheme(StandardWebhooksOptions options, TimeProvider timeProvider)
    {
        Guard.Against.Null(options);
        _timeProvider = Guard.Against.Null(timeProvider);
        _keys = Guard.Against.InvalidStandardWebhooksSecrets(options.Secrets, nameof(options));
        _tolerance = Guard.Against.InvalidTolerance(options.Tolerance, nameof(options));
    }

    /// <inheritdoc />
    public string Name => "standard-webhooks";

    /// <inheritdoc />
    public WebhookVerificationResult Verify(WebhookDelivery delivery)
    {
        Guard.Against.Null(delivery);

        var id = WebhookChecks.GetRequiredHeader(delivery, StandardWebhooksHeaderNames.Id);
        var timestampText = WebhookChecks.GetRequiredHeader(delivery, StandardWebhooksHeaderNames.Timestamp);
        var signatureText = WebhookChecks.GetRequiredHeader(delivery, StandardWebhooksHeaderNames.Signature);
        if (id is null || timestampText is null || signatureText is null)
        {
            return WebhookChecks.MissingHeaders(
                id is null ? StandardWebhooksHeaderNames.Id : null,
                timestampText is null ? StandardWebhooksHeaderNames.Timestamp : null,
                signatureText is null ? StandardWebhooksHeaderNames.Signature : null);
        }

        if (!WebhookChecks.TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.MalformedHeader,
                $"The {StandardWebhooksHeaderNames.Timestamp} header is not a whole number of seconds since the Unix epoch.");
        }

        if (ParseSignatures(signatureText) is not { } candidates)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.MalformedHeader,
                $"The {StandardWebhooksHeaderNames.Signature} header is not a space-separated list of 'version,signature' entries with base64 SHA-256 signatures for v1.");
        }

        if (candidates.Count == 0)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.InvalidSignature,
                $"The {StandardWebhooksHeaderNames.Signature} header holds no {WebhookConstants.StandardWebhooksSignatureVersion} signature; other versions are not supported.");
        }

        if (!WebhookChecks.AnyMatches(_keys, $"{id}.{timestampText}.", delivery.Body.Span, candidates))
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.InvalidSignature,
                $"No {WebhookConstants.StandardWebhooksSignatureVersion} signature in the {StandardWebhooksHeaderNames.Signature} header matches the body under any configured secret.");
        }

        return WebhookChecks.CheckTolerance(timestamp, _timeProvider, _tolerance)
            ?? WebhookVerificationResult.Verified(id, timestamp);
    }

    /// <summary>
    /// Returns the decoded v1 signatures (empty when there are only other versions), or
    /// <see langword="null"/> when the header is malformed.
    /// </summary>
    private static List<byte[]>? ParseSignatures(string header)
    {
        var signatures = new List<byte[]>();
        foreach (var token in header.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A trailing comma is what is left when a server joins repeated header lines with ", ".
            var entry = token.AsSpan().TrimEnd(',');
            var comma = entry.IndexOf(',');
            if (comma <= 0 || comma == entry.Length - 1)
            {
                return null;
            }

            if (!entry[..comma].SequenceEqual(WebhookConstants.StandardWebhooksSignatureVersion))
            {
                continue;
            }

            if (WebhookChecks.TryDecodeBase64(entry[(comma + 1)..]) is not { } signature)
            {
                return null;
            }

            signatures.Add(signature);
        }

        return signatures;
    }
}
