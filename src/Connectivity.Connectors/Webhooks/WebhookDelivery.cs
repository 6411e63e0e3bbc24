using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// One webhook delivery as it arrived: the raw body bytes, exactly as sent, and the request headers.
/// Verification works on these bytes before anything parses them; re-serialized JSON would not
/// verify.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>Initializes a new instance of the <see cref="WebhookDelivery"/> class.</summary>
    /// <param name="body">The raw request body. The delivery does not copy it; keep it unchanged while the delivery is in use.</param>
    /// <param name="headers">The request headers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public WebhookDelivery(ReadOnlyMemory<byte> body, IWebhookHeaders headers)
    {
        Body = body;
        Headers = Guard.Against.Null(headers);
    }

    /// <summary>Gets the raw request body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request headers; names match case-insensitively.</summary>
    public IWebhookHeaders Headers { get; }
}
