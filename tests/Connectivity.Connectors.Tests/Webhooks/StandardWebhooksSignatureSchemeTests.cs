using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static Connectivity.Connectors.Tests.Webhooks.WebhookTestData;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class StandardWebhooksSignatureSchemeTests
{
    private const string OtherSecret = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=";

    private static readonly byte[] s_body = Utf8("""{"type":"customer.updated","data":{"id":"C-1001"}}""");

    private readonly FakeTimeProvider _time = new(SpecTime);

    [Fact]
    public void Verify_SpecTestVector_IsVerifiedWithIdAndTimestamp()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(WebhookFailureKind.None, result.FailureKind);
        Assert.Null(result.Message);
        Assert.Equal(SpecId, result.WebhookId);
        Assert.Equal(SpecTime, result.Timestamp);
    }

    [Fact]
    public void Verify_SpecTestVectorWithRawBase64Secret_IsVerified()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret["whsec_".Length..]), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_ValidDelivery_IsVerifiedWithIdAndTimestamp()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(OtherSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(s_body, StandardHeaders("msg_1", now, StandardSignature(OtherSecret, "msg_1", now, s_body))));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("msg_1", result.WebhookId);
        Assert.Equal(now, result.Timestamp!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void Verify_HeaderNamesInOtherCase_IsVerified()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var headers = new WebhookHeaders
        {
            { "Webhook-Id", SpecId },
            { "WEBHOOK-TIMESTAMP", "1614265330" },
            { "Webhook-Signature", SpecSignature },
        };

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), headers));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_FailsWithInvalidSignature()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8("""{"test": 2432232315}"""), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.False(result.IsVerified);
        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Null(result.WebhookId);
        Assert.Null(result.Timestamp);
    }

    [Fact]
    public void Verify_IdChangedAfterSigning_FailsWithInvalidSignature()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders("msg_other", SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_FailsWithInvalidSignature()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp + 1, SpecSignature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Fact]
    public void Verify_SignedWithUnknownSecret_FailsWithInvalidSignature()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var signature = StandardSignature(OtherSecret, SpecId, SpecTimestamp, Utf8(SpecBody));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, signature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Equal("No v1 signature in the webhook-signature header matches the body under any configured secret.", result.Message);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void Verify_HeaderMissing_FailsWithMissingHeaderNamingIt(string missing)
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var headers = new WebhookHeaders(StandardHeaders(SpecId, SpecTimestamp, SpecSignature).Where(h => h.Key != missing));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), headers));

        Assert.Equal(WebhookFailureKind.MissingHeader, result.FailureKind);
        Assert.Equal($"The required header {missing} is missing or empty.", result.Message);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void Verify_HeaderBlank_FailsWithMissingHeader(string blank)
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var headers = new WebhookHeaders(StandardHeaders(SpecId, SpecTimestamp, SpecSignature).Select(h => h.Key == blank ? KeyValuePair.Create(h.Key, "  ") : h));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), headers));

        Assert.Equal(WebhookFailureKind.MissingHeader, result.FailureKind);
        Assert.Contains(blank, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoHeaders_FailsWithMissingHeaderNamingAllThree()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), new WebhookHeaders()));

        Assert.Equal(WebhookFailureKind.MissingHeader, result.FailureKind);
        Assert.Equal("The required headers webhook-id, webhook-timestamp, webhook-signature are missing or empty.", result.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1614265330")]
    [InlineData("+1614265330")]
    [InlineData("1614265330.5")]
    [InlineData("1614265330000000000000")]
    [InlineData("253402300800")]
    [InlineData("2021-02-25T15:02:10Z")]
    public void Verify_TimestampMalformed_FailsWithMalformedHeader(string timestamp)
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var headers = new WebhookHeaders { { "webhook-id", SpecId }, { "webhook-timestamp", timestamp }, { "webhook-signature", SpecSignature } };

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), headers));

        Assert.Equal(WebhookFailureKind.MalformedHeader, result.FailureKind);
        Assert.Equal("The webhook-timestamp header is not a whole number of seconds since the Unix epoch.", result.Message);
    }

    [Theory]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1")]
    [InlineData("v1,")]
    [InlineData(",g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,not*base64")]
    [InlineData("v1,AAAA")]
    [InlineData("v1=g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= garbage")]
    public void Verify_SignatureHeaderMalformed_FailsWithMalformedHeader(string signature)
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, signature)));

        Assert.Equal(WebhookFailureKind.MalformedHeader, result.FailureKind);
        Assert.StartsWith("The webhook-signature header is not", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TimestampOlderThanTolerance_FailsWithTimestampTooOld()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        _time.Advance(TimeSpan.FromSeconds(301));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.TimestampTooOld, result.FailureKind);
        Assert.Equal("The signed timestamp is 301 s old; the tolerance is 300 s.", result.Message);
        Assert.Null(result.WebhookId);
    }

    [Fact]
    public void Verify_TimestampExactlyAtToleranceInThePast_IsVerified()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        _time.Advance(TimeSpan.FromSeconds(300));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_TimestampFurtherAheadThanTolerance_FailsWithTimestampTooNew()
    {
        var time = new FakeTimeProvider(SpecTime.AddSeconds(-301));
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.TimestampTooNew, result.FailureKind);
        Assert.Equal("The signed timestamp is 301 s in the future; the tolerance is 300 s.", result.Message);
    }

    [Fact]
    public void Verify_TimestampExactlyAtToleranceInTheFuture_IsVerified()
    {
        var time = new FakeTimeProvider(SpecTime.AddSeconds(-300));
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_ConfiguredToleranceExceeded_FailsWithTimestampTooOld()
    {
        var options = StandardOptions(SpecSecret);
        options.Tolerance = TimeSpan.FromSeconds(10);
        var scheme = new StandardWebhooksSignatureScheme(options, _time);
        _time.Advance(TimeSpan.FromSeconds(11));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.TimestampTooOld, result.FailureKind);
    }

    [Fact]
    public void Verify_OldTimestampWithWrongSignature_FailsWithInvalidSignature()
    {
        // The signature is checked first: a forged delivery is reported as forged, not as late.
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        _time.Advance(TimeSpan.FromHours(1));
        var signature = StandardSignature(OtherSecret, SpecId, SpecTimestamp, Utf8(SpecBody));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, signature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Theory]
    [InlineData(SpecSecret)]
    [InlineData(OtherSecret)]
    public void Verify_TwoSecretsConfigured_EitherVerifies(string signingSecret)
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(OtherSecret, SpecSecret), _time);
        var signature = StandardSignature(signingSecret, SpecId, SpecTimestamp, Utf8(SpecBody));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, signature)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_OldSecretRemovedAfterRotation_FailsWithInvalidSignature()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(OtherSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Fact]
    public void Verify_SeveralSignaturesOneMatching_IsVerified()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var other = StandardSignature(OtherSecret, SpecId, SpecTimestamp, Utf8(SpecBody));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, $"{other} {SpecSignature}")));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_SeveralSignaturesNoneMatching_FailsWithInvalidSignature()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var other = StandardSignature(OtherSecret, SpecId, SpecTimestamp, Utf8(SpecBody));
        var stale = StandardSignature(OtherSecret, SpecId, SpecTimestamp - 1, Utf8(SpecBody));

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, $"{other} {stale}")));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
    }

    [Fact]
    public void Verify_SignatureHeaderSentTwiceAndJoined_IsVerified()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var headers = StandardHeaders(SpecId, SpecTimestamp, StandardSignature(OtherSecret, SpecId, SpecTimestamp, Utf8(SpecBody)));
        headers.Add("webhook-signature", SpecSignature);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), headers));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("v1a")]
    [InlineData("v2")]
    [InlineData("V1")]
    public void Verify_CorrectSignatureUnderOtherVersionOnly_IsIgnoredAndFailsWithInvalidSignature(string version)
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);
        var signature = version + SpecSignature["v1".Length..];

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, signature)));

        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Equal("The webhook-signature header holds no v1 signature; other versions are not supported.", result.Message);
    }

    [Fact]
    public void Verify_OtherVersionBesideMatchingV1_IsIgnoredAndVerified()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, $"v1a,bm90LWFuLWVkMjU1MTktc2lnbmF0dXJl {SpecSignature} v2,anything")));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_OptionsChangedAfterConstruction_UsesSecretsItWasBuiltWith()
    {
        var options = StandardOptions(SpecSecret);
        var scheme = new StandardWebhooksSignatureScheme(options, _time);
        options.Secrets.Clear();
        options.Secrets.Add(OtherSecret);

        var result = scheme.Verify(new WebhookDelivery(Utf8(SpecBody), StandardHeaders(SpecId, SpecTimestamp, SpecSignature)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Constructor_NoSecret_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new StandardWebhooksSignatureScheme(new StandardWebhooksOptions(), _time));

        Assert.StartsWith("At least one webhook secret is required.", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whsec_not*base64")]
    [InlineData("whsec_")]
    [InlineData("plain text secret")]
    [InlineData(" ")]
    public void Constructor_InvalidSecret_ThrowsArgumentExceptionNamingItsPosition(string secret)
    {
        var exception = Assert.Throws<ArgumentException>(() => new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret, secret), _time));

        Assert.StartsWith("Webhook secret 2 is not valid (expected 'whsec_' followed by base64, or base64).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new StandardWebhooksSignatureScheme(null!, _time));
    }

    [Fact]
    public void Constructor_NullTimeProvider_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_ToleranceNotPositive_ThrowsArgumentOutOfRangeException(int seconds)
    {
        var options = StandardOptions(SpecSecret);
        options.Tolerance = TimeSpan.FromSeconds(seconds);

        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardWebhooksSignatureScheme(options, _time));
    }

    [Fact]
    public void Verify_NullDelivery_ThrowsArgumentNullException()
    {
        var scheme = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), _time);

        Assert.Throws<ArgumentNullException>(() => scheme.Verify(null!));
    }

    [Fact]
    public void Name_IsStandardWebhooks()
    {
        Assert.Equal("standard-webhooks", new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret)).Name);
    }
}
