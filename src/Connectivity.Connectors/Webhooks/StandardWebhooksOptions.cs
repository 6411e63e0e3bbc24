using System.Globalization;
using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>Options of <see cref="StandardWebhooksSignatureScheme"/>.</summary>
public sealed class StandardWebhooksOptions
{
    /// <summary>
    /// Gets the signing secrets, each <c>whsec_</c> followed by base64 or plain base64. A delivery
    /// verifies when it is signed with any of them, so during a rotation configure the new secret
    /// and the old one until the sender has switched.
    /// </summary>
    /// <value>The default value is an empty list; at least one secret is required.</value>
    public IList<string> Secrets { get; } = [];

    /// <summary>Gets or sets how far the signed timestamp may be from the current time, either way.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Tolerance { get; set; } = WebhookConstants.DefaultTolerance;

    /// <summary>Describes the options with the secrets redacted.</summary>
    /// <returns>A description that never contains a secret.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(StandardWebhooksOptions)} {{ Secrets = [{Secrets.Count} redacted], Tolerance = {Tolerance} }}");
}
