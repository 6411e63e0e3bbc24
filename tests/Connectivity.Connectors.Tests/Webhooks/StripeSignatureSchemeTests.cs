using System.Globalization;
using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static Connectivity.Connectors.Tests.Webhooks.WebhookTestData;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class StripeSignatureSchemeTests
{
    // Stripe uses its whsec_ value verbatim as the key, not base64-decoded.
    private const string Secret = "whsec_test_secret_for_stripe_style";
    private const string OldSecret = "whsec_old_secret_for_stripe_style";
    private const long Timestamp = 1700000000;

    private static readonly byte[] s_body = Utf8("""{"id":"evt_1","object":"event"}""");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(Timestamp));

    [Fact]
    public void Verify_ValidDelivery_IsVerifiedWithTimestampAndNoId()
    {
        var result = CreateScheme(Secret).Verify(Delivery($"t={Timestamp},v1={Sign(Secret, Timestamp, s_body)}"));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Null(result.WebhookId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Timestamp), result.Timestamp);
    }

    [Fact]
    public void Verify_ItemsReorderedWithSpacesAndV0_IsVerified()
    {
        var result = CreateScheme(Secret).Verify(Delivery($"v0=abc, v1={Sign(Secret, Timestamp, s_body)}, t={Timestamp}"));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_SeveralV1OneMatching_IsVerified()
    {
        var result = CreateScheme(Secret).Verify(Delivery($"t={Timestamp},v1={Sign(OldSecret, Timestamp, s_body)},v1={Sign(Secret, Timestamp, s_body)}"));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData(OldSecret)]
    public void Verify_TwoSecretsConfigured_EitherVerifies(string signingSecret)
    {
        var result = CreateScheme(Secret, OldSecret).Verify(Delivery($"t={Timestamp},v1={Sign(signingSecret, Timestamp, s_body)}"));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_SignedWithOtherSecret_FailsWithInvalidSignature()
    {
        var result = CreateScheme(Secret).Verify(Delivery($"t={Timestamp},v1={Sign(OldSecret, Timestamp, s_body)}"));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Null(result.Timestamp);
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_FailsWithInvalidSignature()
    {
        var result = CreateScheme(Secret).Verify(Delivery($"t={Timestamp + 1},v1={Sign(Secret, Timestamp, s_body)}"));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Fact]
    public void Verify_OnlyV0Signature_FailsWithInvalidSignature()
    {
        var result = CreateScheme(Secret).Verify(Delivery($"t={Timestamp},v0={Sign(Secret, Timestamp, s_body)}"));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Equal("The Stripe-Signature header holds no v1 signature; other versions are not supported.", result.Message);
    }

    [Fact]
    public void Verify_HeaderMissing_FailsWithMissingHeader()
    {
        var result = CreateScheme(Secret).Verify(new WebhookDelivery(s_body, new WebhookHeaders { { "Stripe-Signature", "" } }));

        Assert.Equal(WebhookFailureKind.MissingHeader, result.FailureKind);
        Assert.Equal("The required header Stripe-Signature is missing or empty.", result.Message);
    }

    [Theory]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1700000000,t=1700000000,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1700000000,v1=00")]
    [InlineData("t=1700000000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1700000000,garbage")]
    [InlineData("t=1700000000,=abc")]
    public void Verify_HeaderMalformed_FailsWithMalformedHeader(string header)
    {
        var result = CreateScheme(Secret).Verify(Delivery(header));

        Assert.Equal(WebhookFailureKind.MalformedHeader, result.FailureKind);
        Assert.StartsWith("The Stripe-Signature header is not", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TimestampOlderThanTolerance_FailsWithTimestampTooOld()
    {
        _time.Advance(TimeSpan.FromSeconds(301));

        var result = CreateScheme(Secret).Verify(Delivery($"t={Timestamp},v1={Sign(Secret, Timestamp, s_body)}"));

        Assert.Equal(WebhookFailureKind.TimestampTooOld, result.FailureKind);
        Assert.Equal("The signed timestamp is 301 s old; the tolerance is 300 s.", result.Message);
    }

    [Fact]
    public void Verify_TimestampFurtherAheadThanTolerance_FailsWithTimestampTooNew()
    {
        var future = Timestamp + 301;

        var result = CreateScheme(Secret).Verify(Delivery($"t={future},v1={Sign(Secret, future, s_body)}"));

        Assert.Equal(WebhookFailureKind.TimestampTooNew, result.FailureKind);
    }

    [Fact]
    public void Verify_ConfiguredToleranceExceeded_FailsWithTimestampTooOld()
    {
        _time.Advance(TimeSpan.FromSeconds(61));
        var options = new StripeSignatureOptions { Tolerance = TimeSpan.FromMinutes(1) };
        options.Secrets.Add(Secret);

        var result = new StripeSignatureScheme(options, _time).Verify(Delivery($"t={Timestamp},v1={Sign(Secret, Timestamp, s_body)}"));

        Assert.Equal(WebhookFailureKind.TimestampTooOld, result.FailureKind);
    }

    [Fact]
    public void Constructor_NoSecret_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new StripeSignatureScheme(new StripeSignatureOptions(), _time));
    }

    [Fact]
    public void Constructor_ToleranceZero_ThrowsArgumentOutOfRangeException()
    {
        var options = new StripeSignatureOptions { Tolerance = TimeSpan.Zero };
        options.Secrets.Add(Secret);

        Assert.Throws<ArgumentOutOfRangeException>(() => new StripeSignatureScheme(options, _time));
    }

    private static string Sign(string secret, long timestamp, byte[] body) =>
        Convert.ToHexStringLower(Hmac(Utf8(secret), timestamp.ToString(CultureInfo.InvariantCulture) + ".", body));

    private static WebhookDelivery Delivery(string header) => new(s_body, new WebhookHeaders { { "stripe-signature", header } });

    private StripeSignatureScheme CreateScheme(params string[] secrets)
    {
        var options = new StripeSignatureOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new StripeSignatureScheme(options, _time);
    }
}
