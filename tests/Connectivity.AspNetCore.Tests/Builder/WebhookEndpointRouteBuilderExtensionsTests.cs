using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Connectivity.AspNetCore.Webhooks;
using Connectivity.Connectors.Webhooks;
using Connectivity.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connectivity.AspNetCore.Tests.Builder;

public sealed class WebhookEndpointRouteBuilderExtensionsTests
{
    private static readonly string Secret = StandardWebhooksSigner.GenerateSecret();

    private static Action<WebhookReceiverOptions> WithSecret(params string[] secrets) => options =>
    {
        foreach (var secret in secrets)
        {
            options.StandardWebhooks.Secrets.Add(secret);
        }

        options.MaxBodySize = 1024;
    };

    [Fact]
    public async Task MapConnectivityWebhook_ValidDelivery_IsHandledOnceWith204()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        var body = WebhookTestHost.Json("42");

        using var response = await host.Client.SendAsync(WebhookTestHost.Request("msg_1", WebhookTestHost.Now, body, new StandardWebhooksSigner(Secret)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var handled = Assert.Single(host.Recorder.Handled);
        Assert.Equal(WebhookTestHost.Source, handled.Source);
        Assert.Equal("msg_1", handled.WebhookId);
        Assert.Equal(WebhookTestHost.Now, handled.Timestamp);
        Assert.Equal(body, handled.Body.ToArray());
    }

    [Fact]
    public async Task MapConnectivityWebhook_BadSignature_Is401WithoutSecretsInTheBody()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        var body = WebhookTestHost.Json("42");
        var otherSigner = new StandardWebhooksSigner(StandardWebhooksSigner.GenerateSecret());
        var expectedSignature = new StandardWebhooksSigner(Secret).Sign("msg_1", WebhookTestHost.Now, body);

        using var response = await host.Client.SendAsync(WebhookTestHost.Request("msg_1", WebhookTestHost.Now, body, otherSigner));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("signature", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":\"CNX6203\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret["whsec_".Length..], problem, StringComparison.Ordinal);
        Assert.DoesNotContain(expectedSignature["v1,".Length..], problem, StringComparison.Ordinal);
        Assert.Empty(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_MissingHeaders_Is400()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/crm") { Content = new ByteArrayContent(WebhookTestHost.Json("42")) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("webhook-signature", problem, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"CNX6201\"", problem, StringComparison.Ordinal);
        Assert.Empty(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_MalformedSignatureHeader_Is400()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        using var request = WebhookTestHost.Request("msg_1", WebhookTestHost.Now, WebhookTestHost.Json("42"), new StandardWebhooksSigner(Secret));
        request.Headers.Remove(StandardWebhooksHeaderNames.Signature);
        request.Headers.TryAddWithoutValidation(StandardWebhooksHeaderNames.Signature, "v1");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"CNX6202\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task MapConnectivityWebhook_TimestampOutsideTolerance_Is401(int minutesFromNow)
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));

        using var response = await host.Client.SendAsync(WebhookTestHost.Request(
            "msg_1", WebhookTestHost.Now.AddMinutes(minutesFromNow), WebhookTestHost.Json("42"), new StandardWebhooksSigner(Secret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains(minutesFromNow < 0 ? "old" : "future", problem, StringComparison.Ordinal);
        Assert.Contains(minutesFromNow < 0 ? "\"code\":\"CNX6204\"" : "\"code\":\"CNX6205\"", problem, StringComparison.Ordinal);
        Assert.Empty(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_RotatedSecrets_BothVerifyWhileConfigured()
    {
        var oldSecret = StandardWebhooksSigner.GenerateSecret();
        var newSecret = StandardWebhooksSigner.GenerateSecret();
        await using var host = await WebhookTestHost.StartAsync(WithSecret(oldSecret, newSecret));

        using var signedWithOld = await host.Client.SendAsync(WebhookTestHost.Request("msg_old", WebhookTestHost.Now, WebhookTestHost.Json("1"), new StandardWebhooksSigner(oldSecret)));
        using var signedWithNew = await host.Client.SendAsync(WebhookTestHost.Request("msg_new", WebhookTestHost.Now, WebhookTestHost.Json("2"), new StandardWebhooksSigner(newSecret)));
        using var signedWithBoth = await host.Client.SendAsync(WebhookTestHost.Request("msg_both", WebhookTestHost.Now, WebhookTestHost.Json("3"), new StandardWebhooksSigner([newSecret, oldSecret])));

        Assert.Equal(HttpStatusCode.NoContent, signedWithOld.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signedWithNew.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signedWithBoth.StatusCode);
        Assert.Equal(["msg_old", "msg_new", "msg_both"], host.Recorder.Handled.Select(h => h.WebhookId));
    }

    [Fact]
    public async Task MapConnectivityWebhook_SameDeliveryTenTimes_IsHandledOnceAndAnswered2xxEachTime()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        var signer = new StandardWebhooksSigner(Secret);
        var body = WebhookTestHost.Json("42");

        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var response = await host.Client.SendAsync(WebhookTestHost.Request("msg_dup", WebhookTestHost.Now, body, signer));
            Assert.True(response.IsSuccessStatusCode, $"Attempt {attempt} answered {(int)response.StatusCode}.");
        }

        Assert.Single(host.Recorder.Attempts);
        Assert.Single(host.Recorder.Handled);
    }

    [Fact]
    public async Task MapConnectivityWebhook_SameDeliveryConcurrently_IsHandledOnceAndNeverFailed()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        host.Recorder.Delay = TimeSpan.FromMilliseconds(200);
        var signer = new StandardWebhooksSigner(Secret);
        var body = WebhookTestHost.Json("42");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await host.Client.SendAsync(WebhookTestHost.Request("msg_race", WebhookTestHost.Now, body, signer));
            return response.StatusCode;
        }));

        // A concurrent copy is a duplicate (2xx) once the first is recorded, or asked to retry (409) while it runs.
        Assert.All(responses, status => Assert.True(status is HttpStatusCode.NoContent or HttpStatusCode.Conflict, $"Answered {(int)status}."));
        Assert.Contains(HttpStatusCode.NoContent, responses);
        Assert.Single(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_InvalidUtf8Body_Is400()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        byte[] body = [(byte)'{', 0xC3, 0x28, (byte)'}'];

        using var response = await host.Client.SendAsync(WebhookTestHost.Request("msg_1", WebhookTestHost.Now, body, new StandardWebhooksSigner(Secret)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("UTF-8", problem, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"CNX6207\"", problem, StringComparison.Ordinal);
        Assert.Empty(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_OversizedBodyWithContentLength_Is413()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        var body = new byte[64 * 1024];
        body.AsSpan().Fill((byte)' ');

        using var request = WebhookTestHost.Request("msg_big", WebhookTestHost.Now, body, new StandardWebhooksSigner(Secret));
        Assert.Equal(body.Length, request.Content!.Headers.ContentLength);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("\"code\":\"CNX6206\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_OversizedChunkedBody_Is413()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        var body = new byte[64 * 1024];
        body.AsSpan().Fill((byte)' ');
        using var request = WebhookTestHost.Request("msg_big", WebhookTestHost.Now, body, new StandardWebhooksSigner(Secret));
        request.Content = new StreamContent(new NonSeekableStream(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Recorder.Attempts);
    }

    [Fact]
    public async Task MapConnectivityWebhook_ChunkedBodyWithinLimit_IsHandled()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        var body = WebhookTestHost.Json("42");
        using var request = WebhookTestHost.Request("msg_chunked", WebhookTestHost.Now, body, new StandardWebhooksSigner(Secret));
        request.Content = new StreamContent(new NonSeekableStream(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(body, Assert.Single(host.Recorder.Handled).Body.ToArray());
    }

    [Fact]
    public async Task MapConnectivityWebhook_HandlerFails_Is500AndTheRetryIsHandled()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        host.Recorder.FailuresLeft = 1;
        var signer = new StandardWebhooksSigner(Secret);
        var body = WebhookTestHost.Json("42");

        using var failed = await host.Client.SendAsync(WebhookTestHost.Request("msg_retry", WebhookTestHost.Now, body, signer));
        var problem = await failed.Content.ReadAsStringAsync();
        using var retried = await host.Client.SendAsync(WebhookTestHost.Request("msg_retry", WebhookTestHost.Now, body, signer));
        using var duplicate = await host.Client.SendAsync(WebhookTestHost.Request("msg_retry", WebhookTestHost.Now, body, signer));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.DoesNotContain("downstream", problem, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"CNX6213\"", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, duplicate.StatusCode);
        Assert.Equal(["msg_retry", "msg_retry"], host.Recorder.Attempts);
        Assert.Single(host.Recorder.Handled);
    }

    [Fact]
    public async Task MapConnectivityWebhook_HandlerWritesInTheTransaction_CommitsOnlyWithTheHandledDelivery()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        host.Recorder.FailuresLeft = 1;
        var signer = new StandardWebhooksSigner(Secret);
        var body = WebhookTestHost.Json("42");

        using var failed = await host.Client.SendAsync(WebhookTestHost.Request("msg_outbox", WebhookTestHost.Now, body, signer));
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var afterFailure = await outbox.ClaimAsync(new OutboxClaimRequest("test", 100, TimeSpan.FromMinutes(1)));
        using var retried = await host.Client.SendAsync(WebhookTestHost.Request("msg_outbox", WebhookTestHost.Now, body, signer));
        using var duplicate = await host.Client.SendAsync(WebhookTestHost.Request("msg_outbox", WebhookTestHost.Now, body, signer));
        var afterRetry = await outbox.ClaimAsync(new OutboxClaimRequest("test", 100, TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(afterFailure);
        var message = Assert.Single(afterRetry);
        Assert.Equal(body, message.Message.Payload.ToArray());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task MapConnectivityWebhook_NonJsonContentType_Is415(string? contentType)
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        using var request = WebhookTestHost.Request("msg_1", WebhookTestHost.Now, WebhookTestHost.Json("42"), new StandardWebhooksSigner(Secret));
        request.Content!.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"code\":\"CNX6208\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapConnectivityWebhook_JsonSuffixContentTypeWithCharset_IsAccepted()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret));
        using var request = WebhookTestHost.Request("msg_1", WebhookTestHost.Now, WebhookTestHost.Json("42"), new StandardWebhooksSigner(Secret));
        request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=utf-8");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task MapConnectivityWebhook_ContentTypeCheckOff_AcceptsAnyContentType()
    {
        await using var host = await WebhookTestHost.StartAsync(o =>
        {
            WithSecret(Secret)(o);
            o.RequireJsonContentType = false;
        });
        using var request = WebhookTestHost.Request("msg_1", WebhookTestHost.Now, WebhookTestHost.Json("42"), new StandardWebhooksSigner(Secret));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task MapConnectivityWebhook_OtherScheme_VerifiesWithIt()
    {
        var gitHub = new GitHubSignatureOptions();
        gitHub.Secrets.Add("it's a secret to everybody");
        await using var host = await WebhookTestHost.StartAsync(o => o.Scheme = new GitHubSignatureScheme(gitHub));
        var body = WebhookTestHost.Json("42");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/crm") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Delivery", "d-1");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("it's a secret to everybody"), body)));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var handled = Assert.Single(host.Recorder.Handled);
        Assert.Equal("d-1", handled.WebhookId);
        Assert.Null(handled.Timestamp);
    }

    [Fact]
    public async Task MapConnectivityWebhooks_MapsEachSourceUnderThePrefix()
    {
        await using var host = await WebhookTestHost.StartAsync(WithSecret(Secret), app => app.MapConnectivityWebhooks("/hooks"));

        using var response = await host.Client.SendAsync(WebhookTestHost.Request("msg_1", WebhookTestHost.Now, WebhookTestHost.Json("42"), new StandardWebhooksSigner(Secret), "/hooks/crm"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Start_NoSecret_FailsWithoutStarting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestHost.StartAsync(static o => o.MaxBodySize = 0));

        Assert.Contains("At least one webhook secret is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBodySize must be greater than zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedSecret_NamesItByPositionOnly()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestHost.StartAsync(WithSecret(Secret, "whsec_not base64!")));

        Assert.Contains("secret 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapConnectivityWebhook_UnregisteredSource_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddConnectivity().AddInMemoryStores();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapConnectivityWebhook("/webhooks/erp", "erp"));

        Assert.Contains("AddWebhookReceiver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWebhookReceiver_SourceWithASlash_Throws()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddConnectivity().AddWebhookReceiver<RecordingHandler>("crm/eu", WithSecret(Secret)));
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
