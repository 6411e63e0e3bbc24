using Connectivity.Connectors.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static Connectivity.Connectors.Tests.Webhooks.WebhookTestData;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class StandardWebhooksSignerTests
{
    private const string OtherSecret = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=";

    [Fact]
    public void Sign_SpecTestVector_ProducesSpecSignature()
    {
        var signer = new StandardWebhooksSigner(SpecSecret);

        Assert.Equal(SpecSignature, signer.Sign(SpecId, SpecTime, Utf8(SpecBody)));
    }

    [Fact]
    public void Sign_SubSecondTimestamp_SignsWholeSeconds()
    {
        var signer = new StandardWebhooksSigner(SpecSecret);

        Assert.Equal(SpecSignature, signer.Sign(SpecId, SpecTime.AddMilliseconds(999), Utf8(SpecBody)));
    }

    [Fact]
    public void Sign_TwoSecrets_ProducesOneEntryPerSecretInOrder()
    {
        var signer = new StandardWebhooksSigner([OtherSecret, SpecSecret]);

        var signature = signer.Sign(SpecId, SpecTime, Utf8(SpecBody));

        Assert.Equal($"{StandardSignature(OtherSecret, SpecId, SpecTimestamp, Utf8(SpecBody))} {SpecSignature}", signature);
    }

    [Fact]
    public void CreateHeaders_SpecTestVector_ProducesTheThreeHeaders()
    {
        var signer = new StandardWebhooksSigner(SpecSecret);

        var headers = signer.CreateHeaders(SpecId, SpecTime, Utf8(SpecBody));

        Assert.Equal(3, headers.Count);
        Assert.True(headers.TryGetValue("webhook-id", out var id));
        Assert.Equal(SpecId, id);
        Assert.True(headers.TryGetValue("webhook-timestamp", out var timestamp));
        Assert.Equal("1614265330", timestamp);
        Assert.True(headers.TryGetValue("webhook-signature", out var signature));
        Assert.Equal(SpecSignature, signature);
    }

    [Fact]
    public void CreateHeaders_RotatingSender_VerifiesAgainstReceiverWithEitherSecret()
    {
        var time = new FakeTimeProvider(SpecTime);
        var body = Utf8("""{"id":"evt_1"}""");
        var headers = new StandardWebhooksSigner([SpecSecret, OtherSecret]).CreateHeaders("msg_2", time.GetUtcNow(), body);

        var oldReceiver = new StandardWebhooksSignatureScheme(StandardOptions(SpecSecret), time);
        var newReceiver = new StandardWebhooksSignatureScheme(StandardOptions(OtherSecret), time);

        Assert.True(oldReceiver.Verify(new WebhookDelivery(body, headers)).IsVerified);
        Assert.True(newReceiver.Verify(new WebhookDelivery(body, headers)).IsVerified);
    }

    [Fact]
    public void GenerateSecret_TwoCalls_ProduceDistinctWhsecSecretsThatSignAndVerify()
    {
        var first = StandardWebhooksSigner.GenerateSecret();
        var second = StandardWebhooksSigner.GenerateSecret();

        Assert.NotEqual(first, second);
        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);

        var time = new FakeTimeProvider(SpecTime);
        var body = Utf8("{}");
        var result = new StandardWebhooksSignatureScheme(StandardOptions(first), time)
            .Verify(new WebhookDelivery(body, new StandardWebhooksSigner(first).CreateHeaders("msg_3", time.GetUtcNow(), body)));
        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Sign_BlankId_ThrowsArgumentException(string id)
    {
        var signer = new StandardWebhooksSigner(SpecSecret);

        Assert.Throws<ArgumentException>(() => signer.Sign(id, SpecTime, Utf8(SpecBody)));
    }

    [Fact]
    public void Constructor_NotBase64Secret_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new StandardWebhooksSigner("whsec_not*base64"));
    }

    [Fact]
    public void Constructor_NoSecrets_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new StandardWebhooksSigner(Array.Empty<string>()));
    }
}
