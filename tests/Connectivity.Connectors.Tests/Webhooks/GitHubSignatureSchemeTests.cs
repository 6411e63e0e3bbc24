using Connectivity.Connectors.Webhooks;
using static Connectivity.Connectors.Tests.Webhooks.WebhookTestData;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class GitHubSignatureSchemeTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string DeliveryId = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private static readonly byte[] s_body = Utf8("Hello, World!");

    [Fact]
    public void Verify_GitHubDocumentationExample_IsVerifiedWithDeliveryId()
    {
        // The example of GitHub's "Validating webhook deliveries" page.
        var headers = new WebhookHeaders
        {
            { "X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" },
            { "X-GitHub-Delivery", DeliveryId },
        };

        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, headers));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(DeliveryId, result.WebhookId);
        Assert.Null(result.Timestamp);
    }

    [Fact]
    public void Verify_UppercaseHexAndLowercaseHeaderNames_IsVerified()
    {
        var headers = new WebhookHeaders
        {
            { "x-hub-signature-256", "sha256=" + Convert.ToHexString(Hmac(Utf8(Secret), string.Empty, s_body)) },
            { "x-github-delivery", DeliveryId },
        };

        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, headers));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(DeliveryId, result.WebhookId);
    }

    [Fact]
    public void Verify_NoDeliveryIdHeader_IsVerifiedWithoutId()
    {
        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, Headers(Secret, s_body, deliveryId: null)));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Null(result.WebhookId);
    }

    [Fact]
    public void Verify_SignedWithOtherSecret_FailsWithInvalidSignature()
    {
        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, Headers("another secret", s_body)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Null(result.WebhookId);
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_FailsWithInvalidSignature()
    {
        var result = CreateScheme(Secret).Verify(new WebhookDelivery(Utf8("Hello, World?"), Headers(Secret, s_body)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Theory]
    [InlineData("old secret")]
    [InlineData("new secret")]
    public void Verify_TwoSecretsConfigured_EitherVerifies(string signingSecret)
    {
        var result = CreateScheme("new secret", "old secret").Verify(new WebhookDelivery(s_body, Headers(signingSecret, s_body)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_SignatureHeaderMissing_FailsWithMissingHeader()
    {
        var headers = new WebhookHeaders { { "X-GitHub-Delivery", DeliveryId }, { "X-Hub-Signature", "sha1=0000" } };

        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, headers));

        Assert.Equal(WebhookFailureKind.MissingHeader, result.FailureKind);
        Assert.Equal("The required header X-Hub-Signature-256 is missing or empty.", result.Message);
    }

    [Theory]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1z")]
    [InlineData("sha256=")]
    public void Verify_SignatureHeaderMalformed_FailsWithMalformedHeader(string signature)
    {
        var headers = new WebhookHeaders { { "X-Hub-Signature-256", signature } };

        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, headers));

        Assert.Equal(WebhookFailureKind.MalformedHeader, result.FailureKind);
        Assert.Equal("The X-Hub-Signature-256 header is not 'sha256=' followed by 64 hexadecimal digits.", result.Message);
    }

    [Fact]
    public void Constructor_NoSecret_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new GitHubSignatureScheme(new GitHubSignatureOptions()));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new GitHubSignatureScheme(null!));
    }

    private static GitHubSignatureScheme CreateScheme(params string[] secrets)
    {
        var options = new GitHubSignatureOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new GitHubSignatureScheme(options);
    }

    private static WebhookHeaders Headers(string secret, byte[] body, string? deliveryId = DeliveryId)
    {
        var headers = new WebhookHeaders { { "X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(Hmac(Utf8(secret), string.Empty, body)) } };
        if (deliveryId is not null)
        {
            headers.Add("X-GitHub-Delivery", deliveryId);
        }

        return headers;
    }
}
