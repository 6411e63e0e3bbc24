using System.Globalization;
using Connectivity.AspNetCore.Webhooks.Internal;
using Connectivity.Connectors.Webhooks;

namespace Connectivity.AspNetCore.Webhooks;

/// <summary>Options of one webhook source's endpoint; validated when the host starts.</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>
    /// Gets the Standard Webhooks secrets and timestamp tolerance, used when <see cref="Scheme"/> is
    /// not set. The scheme reads the <see cref="TimeProvider"/> registered in DI.
    /// </summary>
    /// <value>The default value has no secret; configure at least one, or set <see cref="Scheme"/>.</value>
    public StandardWebhooksOptions StandardWebhooks { get; } = new();

    /// <summary>
    /// Gets or sets a signature scheme of another style (<see cref="GitHubSignatureScheme"/>,
    /// <see cref="StripeSignatureScheme"/>, a connector's own). Set it or <see cref="StandardWebhooks"/>, not both.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: Standard Webhooks with <see cref="StandardWebhooks"/>.</value>
    public IWebhookSignatureScheme? Scheme { get; set; }

    /// <summary>
    /// Gets or sets the largest body, in bytes, that is accepted. A request that declares a larger
    /// <c>Content-Length</c> is refused with 413 before its body is read; a chunked body is counted while
    /// it is read and refused as soon as it passes the limit.
    /// </summary>
    /// <value>The default value is 1 MiB (1,048,576 bytes).</value>
    public int MaxBodySize { get; set; } = WebhookReceiverConstants.DefaultMaxBodySize;

    /// <summary>
    /// Gets or sets whether a request must declare a JSON content type (<c>application/json</c> or
    /// <c>application/*+json</c>, any parameters); another or a missing one is refused with 415.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RequireJsonContentType { get; set; } = true;

    /// <summary>Describes the options with the secrets redacted.</summary>
    /// <returns>A description that never contains a secret.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{nameof(WebhookReceiverOptions)} {{ Scheme = {Scheme?.Name ?? StandardWebhooks.ToString()}, MaxBodySize = {MaxBodySize}, RequireJsonContentType = {RequireJsonContentType} }}");
}
