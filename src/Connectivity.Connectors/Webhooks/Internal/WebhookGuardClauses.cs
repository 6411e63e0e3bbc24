using System.Text;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Webhooks.Internal;

/// <summary>Guards for webhook configuration. Their messages say which secret is wrong by position, never by value.</summary>
internal static class WebhookGuardClauses
{
    /// <summary>Checks a list of Standard Webhooks secrets (<c>whsec_</c> followed by base64, or base64) and returns the decoded keys.</summary>
    public static byte[][] InvalidStandardWebhooksSecrets(this IGuardClause guardClause, IEnumerable<string> secrets, string parameterName)
    {
        return Decode(secrets, parameterName, static secret =>
        {
            var encoded = secret.StartsWith(WebhookConstants.StandardWebhooksSecretPrefix, StringComparison.Ordinal)
                ? secret[WebhookConstants.StandardWebhooksSecretPrefix.Length..]
                : secret;
            var key = new byte[encoded.Length * 3 / 4];
            return Convert.TryFromBase64String(encoded, key, out var written) && written > 0 ? key[..written] : null;
        }, "expected 'whsec_' followed by base64, or base64");
    }

    /// <summary>Checks a list of shared secrets used as UTF-8 text (GitHub, Stripe) and returns their bytes.</summary>
    public static byte[][] InvalidTextSecrets(this IGuardClause guardClause, IEnumerable<string> secrets, string parameterName)
    {
        return Decode(secrets, parameterName, static secret => Encoding.UTF8.GetBytes(secret), "expected non-empty text");
    }

    public static TimeSpan InvalidTolerance(this IGuardClause guardClause, TimeSpan tolerance, string parameterName)
    {
        return tolerance > TimeSpan.Zero
            ? tolerance
            : throw new ArgumentOutOfRangeException(parameterName, tolerance, "The timestamp tolerance must be greater than zero.");
    }

    private static byte[][] Decode(IEnumerable<string> secrets, string parameterName, Func<string, byte[]?> decode, string expected)
    {
        Guard.Against.Null(secrets, parameterName);
        var keys = new List<byte[]>();
        var position = 0;
        foreach (var secret in secrets)
        {
            position++;
            var key = string.IsNullOrWhiteSpace(secret) ? null : decode(secret);
            if (key is null)
            {
                throw new ArgumentException($"Webhook secret {position} is not valid ({expected}).", parameterName);
            }

            keys.Add(key);
        }

        return keys.Count > 0
            ? [.. keys]
            : throw new ArgumentException("At least one webhook secret is required.", parameterName);
    }
}
