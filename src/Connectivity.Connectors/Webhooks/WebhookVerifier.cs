using System.Globalization;
using System.Text.Unicode;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// The front door for webhook deliveries: refuses a body over the size limit, verifies the
/// signature with the configured scheme, then refuses a body that is not valid UTF-8, all before
/// anything parses the body. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var options = new StandardWebhooksOptions();
/// options.Secrets.Add(configuration["Crm:WebhookSecret"]!);
/// var verifier = new WebhookVerifier(new StandardWebhooksSignatureScheme(options, timeProvider));
///
/// var result = verifier.Verify(new WebhookDelivery(body, headers));
/// if (!result.IsVerified)
/// {
///     logger.LogWarning("Webhook refused: {Kind} {Message}", result.FailureKind, result.Message);
///     return 401;
/// }
/// </code>
/// </example>
public sealed class WebhookVerifier
{
    /// <summary>Initializes a new instance of the <see cref="WebhookVerifier"/> class with the default options.</summary>
    /// <param name="scheme">The signature scheme of the sending system.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is <see langword="null"/>.</exception>
    public WebhookVerifier(IWebhookSignatureScheme scheme)
        : this(scheme, new WebhookVerifierOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WebhookVerifier"/> class.</summary>
    /// <param name="scheme">The signature scheme of the sending system.</param>
    /// <param name="options">The limits; copied, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The maximum body size is not greater than zero.</exception>
    public WebhookVerifier(IWebhookSignatureScheme scheme, WebhookVerifierOptions options)
    {
        Scheme = Guard.Against.Null(scheme);
        Guard.Against.Null(options);
        MaxBodySize = Guard.Against.NegativeOrZero(options.MaxBodySize, nameof(options));
    }

    /// <summary>Gets the signature scheme of the sending system.</summary>
    public IWebhookSignatureScheme Scheme { get; }

    /// <summary>Gets the largest body, in bytes, that is verified.</summary>
    public int MaxBodySize { get; }

    /// <summary>Verifies a delivery: body size, then signature, then UTF-8 validity.</summary>
    /// <param name="delivery">The delivery, with its raw body.</param>
    /// <returns>The outcome; never throws for a bad delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="delivery"/> is <see langword="null"/>.</exception>
    public WebhookVerificationResult Verify(WebhookDelivery delivery)
    {
        Guard.Against.Null(delivery);

        if (delivery.Body.Length > MaxBodySize)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.BodyTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The body is {delivery.Body.Length} bytes; the limit is {MaxBodySize} bytes."));
        }

        var result = Scheme.Verify(delivery);
        if (!result.IsVerified)
        {
            return result;
        }

        return Utf8.IsValid(delivery.Body.Span)
            ? result
            : WebhookVerificationResult.Failed(WebhookFailureKind.InvalidUtf8, "The body is not valid UTF-8.");
    }
}
