using System.Security.Cryptography;
using System.Text;
using Connectivity.Connectors.Webhooks;

namespace Connectivity.Connectors.Tests.Webhooks;

/// <summary>Shared inputs, and signatures computed independently of the code under test.</summary>
internal static class WebhookTestData
{
    // The test vector of the Standard Webhooks reference libraries.
    public const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long SpecTimestamp = 1614265330;
    public const string SpecBody = """{"test": 2432232314}""";
    public const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    public static DateTimeOffset SpecTime => DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Hmac(byte[] key, string prefix, byte[] body) => HMACSHA256.HashData(key, Utf8(prefix).Concat(body).ToArray());

    public static byte[] StandardKey(string secret) => Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);

    public static string StandardSignature(string secret, string id, long timestamp, byte[] body) =>
        "v1," + Convert.ToBase64String(Hmac(StandardKey(secret), $"{id}.{timestamp}.", body));

    public static WebhookHeaders StandardHeaders(string id, long timestamp, string signature) => new()
    {
        { "webhook-id", id },
        { "webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { "webhook-signature", signature },
    };

    public static StandardWebhooksOptions StandardOptions(params string[] secrets)
    {
        var options = new StandardWebhooksOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return options;
    }
}
