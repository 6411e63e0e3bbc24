using Connectivity.Connectors.Webhooks;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class WebhookErrorCodesTests
{
    [Fact]
    public void For_EveryFailureKind_HasItsOwnCodeAndVerifiedHasNone()
    {
        var kinds = Enum.GetValues<WebhookFailureKind>().Where(k => k != WebhookFailureKind.None).ToArray();

        var codes = kinds.Select(WebhookErrorCodes.For).ToArray();

        Assert.Null(WebhookErrorCodes.For(WebhookFailureKind.None));
        Assert.All(codes, c => Assert.Matches("^CNX62[0-9]{2}$", c));
        Assert.Equal(kinds.Length, codes.Distinct().Count());
        Assert.Equal(WebhookErrorCodes.InvalidSignature, WebhookVerificationResult.Failed(WebhookFailureKind.InvalidSignature, "no match").ErrorCode);
        Assert.Null(WebhookVerificationResult.Verified("msg_1", null).ErrorCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookErrorCodes.For((WebhookFailureKind)99));
    }
}
