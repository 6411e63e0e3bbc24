using Connectivity.Connectors.Webhooks;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class WebhookHeadersTests
{
    [Fact]
    public void TryGetValue_NameInOtherCase_FindsValue()
    {
        var headers = new WebhookHeaders { { "Webhook-Id", "msg_1" } };

        Assert.True(headers.TryGetValue("WEBHOOK-ID", out var value));
        Assert.Equal("msg_1", value);
    }

    [Fact]
    public void TryGetValue_AbsentName_ReturnsFalse()
    {
        var headers = new WebhookHeaders { { "Webhook-Id", "msg_1" } };

        Assert.False(headers.TryGetValue("webhook-timestamp", out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Add_SameNameTwiceInOtherCase_JoinsValuesWithCommaSpace()
    {
        var headers = new WebhookHeaders { { "webhook-signature", "v1,a" }, { "Webhook-Signature", "v1,b" } };

        Assert.Equal(1, headers.Count);
        Assert.True(headers.TryGetValue("webhook-signature", out var value));
        Assert.Equal("v1,a, v1,b", value);
    }

    [Fact]
    public void Constructor_Pairs_CopiesThem()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("a", "1"), KeyValuePair.Create("b", "2")]);

        Assert.Equal([KeyValuePair.Create("a", "1"), KeyValuePair.Create("b", "2")], headers.OrderBy(static h => h.Key));
    }

    [Fact]
    public void Add_BlankName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new WebhookHeaders().Add(" ", "value"));
    }

    [Fact]
    public void Add_NullValue_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new WebhookHeaders().Add("name", null!));
    }

    [Fact]
    public void WebhookDeliveryConstructor_NullHeaders_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new WebhookDelivery(ReadOnlyMemory<byte>.Empty, null!));
    }
}
