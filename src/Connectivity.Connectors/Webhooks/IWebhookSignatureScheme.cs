namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// One way of signing webhooks: which headers carry the signature, what content is signed and how.
/// <see cref="StandardWebhooksSignatureScheme"/>, <see cref="GitHubSignatureScheme"/> and
/// <see cref="StripeSignatureScheme"/> come with the package; a connector for a system with its own
/// style implements this interface and plugs it into a <see cref="WebhookVerifier"/>.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe, must not throw for bad input (refuse it with
/// <see cref="WebhookVerificationResult.Failed(WebhookFailureKind, string)"/>), must compare
/// signatures in constant time (<see cref="System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>),
/// and must never put a secret or an expected signature in a message. Verification is synchronous:
/// it is CPU work on bytes already in memory; keys are resolved when the scheme is built.
/// </remarks>
public interface IWebhookSignatureScheme
{
    /// <summary>Gets a short name of the scheme for diagnostics, for example <c>standard-webhooks</c>.</summary>
    string Name { get; }

    /// <summary>Verifies the signature of a delivery over its raw body.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <returns>The outcome; never throws for a bad delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="delivery"/> is <see langword="null"/>.</exception>
    WebhookVerificationResult Verify(WebhookDelivery delivery);
}
