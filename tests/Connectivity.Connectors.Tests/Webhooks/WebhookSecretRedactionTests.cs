using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static Connectivity.Connectors.Tests.Webhooks.WebhookTestData;

namespace Connectivity.Connectors.Tests.Webhooks;

/// <summary>No secret and no expected signature may reach a failure message, an exception or a ToString().</summary>
public sealed class WebhookSecretRedactionTests
{
    private const string TextSecret = "s3cr3t-do-not-log";
    private static readonly string s_specKey = SpecSecret["whsec_".Length..];

    [Fact]
    public void StandardWebhooksFailureMessages_EveryFailureKind_ContainNoSecretOrExpectedSignature()
    {
        var verifier = CreateVerifier(SpecTime);
        var body = Utf8(SpecBody);
        var expected = SpecSignature["v1,".Length..];
        var wrong = StandardSignature("whsec_" + Convert.ToBase64String(Utf8("another key entirely")), SpecId, SpecTimestamp, body);
        byte[] invalidUtf8 = [0xC3, 0x28];

        var results = new List<WebhookVerificationResult>
        {
            verifier.Verify(new WebhookDelivery(body, new WebhookHeaders())),
            verifier.Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, "v1,garbage"))),
            verifier.Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, wrong))),
            verifier.Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, "v2," + expected))),
            verifier.Verify(new WebhookDelivery(new byte[65], StandardHeaders(SpecId, SpecTimestamp, wrong))),
            verifier.Verify(new WebhookDelivery(invalidUtf8, StandardHeaders(SpecId, SpecTimestamp, StandardSignature(SpecSecret, SpecId, SpecTimestamp, invalidUtf8)))),
        };
        results.Add(CreateVerifier(SpecTime.AddHours(1)).Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, SpecSignature))));
        results.Add(CreateVerifier(SpecTime.AddHours(-1)).Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, SpecSignature))));

        Assert.Equal(
            [
                WebhookFailureKind.MissingHeader, WebhookFailureKind.MalformedHeader, WebhookFailureKind.InvalidSignature, WebhookFailureKind.InvalidSignature,
                WebhookFailureKind.BodyTooLarge, WebhookFailureKind.InvalidUtf8, WebhookFailureKind.TimestampTooOld, WebhookFailureKind.TimestampTooNew,
            ],
            results.Select(static r => r.FailureKind));
        foreach (var result in results)
        {
            AssertNoneContained(result.Message!, SpecSecret, s_specKey, expected);
            AssertNoneContained(result.ToString(), SpecSecret, s_specKey, expected);
        }
    }

    [Fact]
    public void GitHubAndStripeFailureMessages_WrongSignature_ContainNoSecretOrExpectedSignature()
    {
        var body = Utf8("{}");
        var gitHubOptions = new GitHubSignatureOptions();
        gitHubOptions.Secrets.Add(TextSecret);
        var stripeOptions = new StripeSignatureOptions();
        stripeOptions.Secrets.Add(TextSecret);
        var gitHubExpected = Convert.ToHexStringLower(Hmac(Utf8(TextSecret), string.Empty, body));
        var stripeExpected = Convert.ToHexStringLower(Hmac(Utf8(TextSecret), "1700000000.", body));
        var zeros = new string('0', 64);

        var results = new[]
        {
            new GitHubSignatureScheme(gitHubOptions).Verify(new WebhookDelivery(body, new WebhookHeaders { { "X-Hub-Signature-256", "sha256=" + zeros } })),
            new GitHubSignatureScheme(gitHubOptions).Verify(new WebhookDelivery(body, new WebhookHeaders { { "X-Hub-Signature-256", "sha256=" + TextSecret } })),
            new StripeSignatureScheme(stripeOptions, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1700000000))).Verify(new WebhookDelivery(body, new WebhookHeaders { { "Stripe-Signature", "t=1700000000,v1=" + zeros } })),
            new StripeSignatureScheme(stripeOptions).Verify(new WebhookDelivery(body, new WebhookHeaders { { "Stripe-Signature", "t=1700000000,v1=" + stripeExpected } })),
        };

        Assert.Equal(
            [WebhookFailureKind.InvalidSignature, WebhookFailureKind.MalformedHeader, WebhookFailureKind.InvalidSignature, WebhookFailureKind.TimestampTooOld],
            results.Select(static r => r.FailureKind));
        foreach (var result in results)
        {
            AssertNoneContained(result.Message!, TextSecret, gitHubExpected, stripeExpected);
        }
    }

    [Fact]
    public void OptionsToString_WithSecrets_RedactsThem()
    {
        var standard = StandardOptions(SpecSecret, "whsec_" + Convert.ToBase64String(Utf8(TextSecret)));
        var gitHub = new GitHubSignatureOptions();
        gitHub.Secrets.Add(TextSecret);
        var stripe = new StripeSignatureOptions();
        stripe.Secrets.Add(TextSecret);

        Assert.Equal("StandardWebhooksOptions { Secrets = [2 redacted], Tolerance = 00:05:00 }", standard.ToString());
        Assert.Equal("GitHubSignatureOptions { Secrets = [1 redacted] }", gitHub.ToString());
        Assert.Equal("StripeSignatureOptions { Secrets = [1 redacted], Tolerance = 00:05:00 }", stripe.ToString());
    }

    [Fact]
    public void ConstructorException_InvalidSecret_ContainsNoSecret()
    {
        const string leaky = "whsec_this-is-not-base64-but-still-secret";

        var exception = Assert.Throws<ArgumentException>(() => new StandardWebhooksSignatureScheme(StandardOptions(leaky)));

        AssertNoneContained(exception.ToString(), leaky, leaky["whsec_".Length..]);
    }

    [Fact]
    public void SchemeAndSignerToString_WithSecrets_ContainNoSecret()
    {
        var gitHub = new GitHubSignatureOptions();
        gitHub.Secrets.Add(TextSecret);

        AssertNoneContained(new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret)).ToString()!, SpecSecret, s_specKey);
        AssertNoneContained(new StandardWebhooksSigner(SpecSecret).ToString()!, SpecSecret, s_specKey);
        AssertNoneContained(new GitHubSignatureScheme(gitHub).ToString()!, TextSecret);
    }

    private static WebhookVerifier CreateVerifier(DateTimeOffset now) => new(
        new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), new FakeTimeProvider(now)),
        new WebhookVerifierOptions { MaxBodySize = 64 });

    private static void AssertNoneContained(string text, params string[] secrets)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        // Not even a recognisable fragment of a secret.
        foreach (var secret in secrets)
        {
            for (var i = 0; i + 12 <= secret.Length; i++)
            {
                Assert.DoesNotContain(secret.Substring(i, 12), text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
