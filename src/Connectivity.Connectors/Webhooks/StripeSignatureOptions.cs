using System.Globalization;
using Connectivity.Connectors.Webhooks.Internal;

namespace Connectivity.Connectors.Webhooks;

/// <summary>Options of <see cref="StripeSignatureScheme"/>.</summary>
public sealed class StripeSignatureOptions
{
    /// <summary>
    /// Gets the endpoint signing secrets, used verbatim as UTF-8 text (Stripe's <c>whsec_…</c> value
    /// is the key as it stands, not base64). A delivery verifies when it is signed with any of them.
    /// </summary>
    /// <value>The default value is an empty list; at least one secret is required.</value>
    public IList<string> Secrets { get; } = [];

    /// <summary>Gets or sets how far the signed timestamp may be from the current time, either way.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Tolerance { get; set; } = WebhookConstants.DefaultTolerance;

    /// <summary>Describes the options with the secrets redacted.</summary>
    /// <returns>A description that never contains a secret.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(StripeSignatureOptions)} {{ Secrets = [{Secrets.Count} redacted], Tolerance = {Tolerance} }}");
}
