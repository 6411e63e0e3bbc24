using Connectivity.Connectors.Webhooks;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class WebhookVerificationResultTests
{
    [Fact]
    public void Verified_IdAndTimestamp_CarriesThemWithoutMessage()
    {
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);

        var result = WebhookVerificationResult.Verified("msg_1", timestamp);

        Assert.True(result.IsVerified);
        Assert.Equal(WebhookFailureKind.None, result.FailureKind);
        Assert.Null(result.Message);
        Assert.Equal("msg_1", result.WebhookId);
        Assert.Equal(timestamp, result.Timestamp);
        Assert.Equal("Verified (id: msg_1, timestamp: 1614265330)", result.ToString());
    }

    [Fact]
    public void Failed_KindAndMessage_IsNotVerified()
    {
        var result = WebhookVerificationResult.Failed(WebhookFailureKind.InvalidSignature, "No match.");

        Assert.False(result.IsVerified);
        Assert.Equal(WebhookFailureKind.InvalidSignature, result.FailureKind);
        Assert.Equal("No match.", result.Message);
        Assert.Null(result.WebhookId);
        Assert.Null(result.Timestamp);
        Assert.Equal("CNX6203 InvalidSignature: No match.", result.ToString());
    }

    [Fact]
    public void Failed_KindNone_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => WebhookVerificationResult.Failed(WebhookFailureKind.None, "Nothing wrong."));
    }

    [Fact]
    public void Failed_UndefinedKind_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => WebhookVerificationResult.Failed((WebhookFailureKind)99, "Unknown."));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Failed_BlankMessage_ThrowsArgumentException(string message)
    {
        Assert.Throws<ArgumentException>(() => WebhookVerificationResult.Failed(WebhookFailureKind.InvalidSignature, message));
    }
}
