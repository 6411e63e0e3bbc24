namespace Connectivity.Testing.Http;

/// <summary>
/// What a recording must never keep: header values, query parameter values and JSON body properties, by name
/// (case-insensitive). Redacted values are written as <c>[REDACTED]</c>, so a cassette can be committed.
/// </summary>
public sealed class RedactionRules
{
    /// <summary>The text that replaces a redacted value.</summary>
    public const string Redacted = "[REDACTED]";

    /// <summary>Gets rules covering the usual secrets: auth and cookie headers, API key headers, token and secret fields.</summary>
    public static RedactionRules Default => new();

    /// <summary>Gets the header names whose values are redacted.</summary>
    public ISet<string> Headers { get; } = new HashSet<string>(
        ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key", "Ocp-Apim-Subscription-Key", "X-Auth-Token", "webhook-signature", "X-Hub-Signature-256", "Stripe-Signature"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the query parameter names whose values are redacted.</summary>
    public ISet<string> QueryParameters { get; } = new HashSet<string>(
        ["api_key", "apikey", "key", "token", "access_token", "client_secret", "signature", "sig", "code"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the JSON property names (at any depth, in request and response bodies and form fields) whose values are redacted.</summary>
    public ISet<string> BodyProperties { get; } = new HashSet<string>(
        ["access_token", "refresh_token", "id_token", "client_secret", "password", "secret", "api_key", "apiKey", "token", "assertion"],
        StringComparer.OrdinalIgnoreCase);
}
