using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Signs webhooks as the <see href="https://www.standardwebhooks.com">Standard Webhooks</see>
/// specification describes: what a sender does, for tests and simulated systems. Immutable and
/// thread-safe.
/// </summary>
/// <example>
/// <code>
/// var signer = new StandardWebhooksSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
/// var headers = signer.CreateHeaders("msg_1", timeProvider.GetUtcNow(), body);
/// var delivery = new WebhookDelivery(body, headers);
/// </code>
/// </example>
public sealed class StandardWebhooksSigner
{
    private const int GeneratedSecretLength = 32;

    private readonly byte[][] _keys;

    /// <summary>Initializes a new instance of the <see cref="StandardWebhooksSigner"/> class with one secret.</summary>
    /// <param name="secret">The secret, <c>whsec_</c> followed by base64, or plain base64.</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, blank or not base64.</exception>
    public StandardWebhooksSigner(string secret)
        : this([Guard.Against.NullOrWhiteSpace(secret)])
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StandardWebhooksSigner"/> class that signs with
    /// every given secret, one <c>v1</c> entry each, as a sender does while it rotates its secret.
    /// </summary>
    /// <param name="secrets">The secrets, each <c>whsec_</c> followed by base64, or plain base64.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secrets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secrets"/> is empty, or a secret is blank or not base64.</exception>
    public StandardWebhooksSigner(IEnumerable<string> secrets)
    {
        _keys = Guard.Against.InvalidStandardWebhooksSecrets(secrets, nameof(secrets));
    }

    /// <summary>Generates a new random secret in the <c>whsec_&lt;base64&gt;</c> form.</summary>
    /// <returns>A secret of 32 random bytes.</returns>
    public static string GenerateSecret() =>
        WebhookConstants.StandardWebhooksSecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedSecretLength));

    /// <summary>Computes the value of the <c>webhook-signature</c> header.</summary>
    /// <param name="webhookId">The message id.</param>
    /// <param name="timestamp">The time of sending; sub-second parts are dropped.</param>
    /// <param name="body">The body exactly as it will be sent.</param>
    /// <returns>One <c>v1,&lt;base64&gt;</c> entry per secret, separated by spaces.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is null, empty or white space.</exception>
    public string Sign(string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        Guard.Against.NullOrWhiteSpace(webhookId);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp.ToUnixTimeSeconds()}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        Span<byte> hash = stackalloc byte[WebhookConstants.Sha256Length];
        var entries = new string[_keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            HMACSHA256.HashData(_keys[i], content, hash);
            entries[i] = $"{WebhookConstants.StandardWebhooksSignatureVersion},{Convert.ToBase64String(hash)}";
        }

        return string.Join(' ', entries);
    }

    /// <summary>Creates the three Standard Webhooks headers for a message.</summary>
    /// <param name="webhookId">The message id.</param>
    /// <param name="timestamp">The time of sending; sub-second parts are dropped.</param>
    /// <param name="body">The body exactly as it will be sent.</param>
    /// <returns>The <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c> headers.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is null, empty or white space.</exception>
    public WebhookHeaders CreateHeaders(string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var signature = Sign(webhookId, timestamp, body);
        return new()
        {
            { StandardWebhooksHeaderNames.Id, webhookId },
            { StandardWebhooksHeaderNames.Timestamp, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            { StandardWebhooksHeaderNames.Signature, signature },
        };
    }
}
