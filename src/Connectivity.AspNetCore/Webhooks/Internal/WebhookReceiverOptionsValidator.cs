using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Options;

namespace Connectivity.AspNetCore.Webhooks.Internal;

/// <summary>Validates each source's options at start-up. Messages name a secret by position, never by value.</summary>
internal sealed class WebhookReceiverOptionsValidator : IValidateOptions<WebhookReceiverOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookReceiverOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodySize <= 0)
        {
            failures.Add($"Webhook source '{name}': MaxBodySize must be greater than zero.");
        }

        if (options.Scheme is not null)
        {
            if (options.StandardWebhooks.Secrets.Count > 0)
            {
                failures.Add($"Webhook source '{name}': set either Scheme or StandardWebhooks secrets, not both.");
            }
        }
        else
        {
            try
            {
                _ = new StandardWebhooksSignatureScheme(options.StandardWebhooks);
            }
            catch (ArgumentException ex)
            {
                // The scheme's guard messages name a secret by position only.
                failures.Add($"Webhook source '{name}': {FirstSentence(ex.Message)}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // ArgumentException appends " (Parameter 'options')"; the parameter means nothing to the host.
    private static string FirstSentence(string message)
    {
        var parameter = message.IndexOf(" (Parameter ", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }
}
