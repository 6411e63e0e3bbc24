namespace Connectivity.Connectors.Webhooks.Internal;

internal static class WebhookConstants
{
    public const int DefaultMaxBodySize = 1024 * 1024;

    public const int Sha256Length = 32;

    public const string StandardWebhooksSecretPrefix = "whsec_";

    public const string StandardWebhooksSignatureVersion = "v1";

    public const string GitHubSignatureHeader = "X-Hub-Signature-256";

    public const string GitHubSignaturePrefix = "sha256=";

    public const string GitHubDeliveryHeader = "X-GitHub-Delivery";

    public const string StripeSignatureHeader = "Stripe-Signature";

    public const string StripeSignatureVersion = "v1";

    // Standard Webhooks and Stripe both use five minutes.
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);
}
