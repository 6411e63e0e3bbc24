using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static Connectivity.Connectors.Tests.Webhooks.WebhookTestData;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private readonly FakeTimeProvider _time = new(SpecTime);

    [Fact]
    public void Verify_ValidDelivery_IsVerifiedWithIdAndTimestamp()
    {
        var result = CreateVerifier().Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(SpecId, result.WebhookId);
        Assert.Equal(SpecTime, result.Timestamp);
    }

    [Fact]
    public void Verify_CorrectlySignedInvalidUtf8Body_FailsWithInvalidUtf8()
    {
        byte[] body = [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]; // {"a":"\xC3(" }
        var signature = StandardSignature(SpecSecret, SpecId, SpecTimestamp, body);

        var result = CreateVerifier().Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, signature)));

        Assert.Equal(WebhookFailureKind.InvalidUtf8, result.FailureKind);
        Assert.Equal("The body is not valid UTF-8.", result.Message);
        Assert.Null(result.WebhookId);
    }

    [Fact]
    public void Verify_InvalidUtf8BodyWithBadSignature_FailsWithInvalidSignature()
    {
        byte[] body = [0xFF, 0xFE];

        var result = CreateVerifier().Verify(new WebhookDelivery(body, StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Fact]
    public void Verify_BodyOverDefaultLimit_FailsWithBodyTooLargeWithoutCallingScheme()
    {
        var scheme = new CountingScheme();
        var body = new byte[(1024 * 1024) + 1];

        var result = new WebhookVerifier(scheme).Verify(new WebhookDelivery(body, new WebhookHeaders()));

        Assert.Equal(WebhookFailureKind.BodyTooLarge, result.FailureKind);
        Assert.Equal("The body is 1048577 bytes; the limit is 1048576 bytes.", result.Message);
        Assert.Equal(0, scheme.Calls);
    }

    [Fact]
    public void Verify_BodyAtDefaultLimit_IsPassedToScheme()
    {
        var scheme = new CountingScheme();

        var result = new WebhookVerifier(scheme).Verify(new WebhookDelivery(new byte[1024 * 1024], new WebhookHeaders()));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(1, scheme.Calls);
    }

    [Fact]
    public void Verify_BodyOverConfiguredLimit_FailsWithBodyTooLarge()
    {
        var verifier = CreateVerifier(new WebhookVerifierOptions { MaxBodySize = SpecBody.Length - 1 });

        var result = verifier.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.BodyTooLarge, result.FailureKind);
    }

    [Fact]
    public void Verify_BodyExactlyAtConfiguredLimit_IsVerified()
    {
        var verifier = CreateVerifier(new WebhookVerifierOptions { MaxBodySize = SpecBody.Length });

        var result = verifier.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_SchemeRefuses_ReturnsSchemeResult()
    {
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = CreateVerifier().Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.TimestampTooOld, result.FailureKind);
    }

    [Fact]
    public void Verify_GitHubScheme_IsVerified()
    {
        var options = new GitHubSignatureOptions();
        options.Secrets.Add("It's a Secret to Everybody");
        var headers = new WebhookHeaders
        {
            { "X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" },
            { "X-GitHub-Delivery", "d-1" },
        };

        var result = new WebhookVerifier(new GitHubSignatureScheme(options)).Verify(new WebhookDelivery(Utf8("Hello, World!"), headers));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("d-1", result.WebhookId);
    }

    [Fact]
    public void Verify_NullDelivery_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => CreateVerifier().Verify(null!));
    }

    [Fact]
    public void Constructor_NullScheme_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new WebhookVerifier(null!));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new WebhookVerifier(new CountingScheme(), null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_MaxBodySizeNotPositive_ThrowsArgumentException(int maxBodySize)
    {
        Assert.ThrowsAny<ArgumentException>(() => new WebhookVerifier(new CountingScheme(), new WebhookVerifierOptions { MaxBodySize = maxBodySize }));
    }

    [Fact]
    public void Constructor_DefaultOptions_ExposesSchemeAndOneMebibyteLimit()
    {
        var scheme = new CountingScheme();

        var verifier = new WebhookVerifier(scheme);

        Assert.Same(scheme, verifier.Scheme);
        Assert.Equal(1024 * 1024, verifier.MaxBodySize);
    }

    private WebhookVerifier CreateVerifier(WebhookVerifierOptions? options = null) =>
        new(new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time), options ?? new WebhookVerifierOptions());

    private sealed class CountingScheme : IWebhookSignatureScheme
    {
        public int Calls { get; private set; }

        public string Name => "counting";

        public WebhookVerificationResult Verify(WebhookDelivery delivery)
        {
            Calls++;
            return WebhookVerificationResult.Verified(null, null);
        }
    }
}
