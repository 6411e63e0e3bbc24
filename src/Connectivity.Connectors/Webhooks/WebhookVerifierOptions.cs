using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>Options of <see cref="WebhookVerifier"/>.</summary>
public sealed class WebhookVerifierOptions
{
    /// <summary>
    /// Gets or sets the largest body, in bytes, that is verified; a larger one is refused before any
    /// hashing. A host should stop reading the request at this size too.
    /// </summary>
    /// <value>The default value is 1 MiB (1,048,576 bytes).</value>
    public int MaxBodySize { get; set; } = WebhookConstants.DefaultMaxBodySize;
}
