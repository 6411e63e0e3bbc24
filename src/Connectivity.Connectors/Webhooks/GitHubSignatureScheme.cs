using Ardalis.GuardClauses;
using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Verifies deliveries signed GitHub style: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the
/// HMAC-SHA256 of the body under the webhook secret; the delivery id comes from
/// <c>X-GitHub-Delivery</c>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The style signs no timestamp, so it cannot refuse a replay by age: deduplicate verified
/// deliveries by <see cref="WebhookVerificationResult.WebhookId"/> (the inbox does). Systems that
/// copy the style without a delivery id header still verify, with a <see langword="null"/> id.
/// </remarks>
public sealed class GitHubSignatureScheme : IWebhookSignatureScheme
{
    private readonly byte[][] _keys;

    /// <summary>Initializes a new instance of the <see cref="GitHubSignatureScheme"/> class.</summary>
    /// <param name="options">The secrets; copied, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No secret is configured, or a secret is blank.</exception>
    public GitHubSignatureScheme(GitHubSignatureOptions options)
    {
        Guard.Against.Null(options);
        _keys = Guard.Against.InvalidTextSecrets(options.Secrets, nameof(options));
    }

    /// <inheritdoc />
    public string Name => "github";

    /// <inheritdoc />
    public WebhookVerificationResult Verify(WebhookDelivery delivery)
    {
        Guard.Against.Null(delivery);

        if (WebhookChecks.GetRequiredHeader(delivery, WebhookConstants.GitHubSignatureHeader) is not { } header)
        {
            return WebhookChecks.MissingHeaders(WebhookConstants.GitHubSignatureHeader);
        }

        if (!header.StartsWith(WebhookConstants.GitHubSignaturePrefix, StringComparison.Ordinal)
            || WebhookChecks.TryDecodeHex(header.AsSpan(WebhookConstants.GitHubSignaturePrefix.Length)) is not { } signature)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.MalformedHeader,
                $"The {WebhookConstants.GitHubSignatureHeader} header is not 'sha256=' followed by 64 hexadecimal digits.");
        }

        if (!WebhookChecks.AnyMatches(_keys, string.Empty, delivery.Body.Span, [signature]))
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.InvalidSignature,
                $"The {WebhookConstants.GitHubSignatureHeader} signature does not match the body under any configured secret.");
        }

        return WebhookVerificationResult.Verified(WebhookChecks.GetRequiredHeader(delivery, WebhookConstants.GitHubDeliveryHeader), null);
    }
}
