namespace Connectivity.AspNetCore.Webhooks.Internal;

internal static class WebhookReceiverConstants
{
    // The same default as WebhookVerifierOptions.MaxBodySize.
    public const int DefaultMaxBodySize = 1024 * 1024;

    // How long a sender is asked to wait when the same delivery is being handled right now.
    public const int InFlightRetryAfterSeconds = 5;

    public const string DefaultPrefix = "/webhooks";
}
