using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connectivity.Connectors.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connectivity.Testing.Simulators.Tests;

/// <summary>One webhook as the receiver saw it, with the verdict of <see cref="WebhookVerifier"/>.</summary>
internal sealed record ReceivedWebhook(string Body, WebhookVerificationResult Verification, string? ContentType)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string EventId => (string)Json["id"]!;

    public string Type => (string)Json["type"]!;

    public JsonObject Data => Json["data"]!.AsObject();
}

/// <summary>A tiny webhook receiver on Kestrel at 127.0.0.1 (ephemeral port) that verifies Standard Webhooks signatures.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    private int _requests;

    /// <summary>Answers the next <paramref name="count"/> requests with 500.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public static async Task<WebhookReceiver> StartAsync(TimeProvider? time = null)
    {
        var verifier = new WebhookVerifier(new StandardWebhooksSignatureScheme(new StandardWebhooksOptions { Secrets = { Secret } }, time ?? TimeProvider.System));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            Interlocked.Increment(ref receiver._requests);
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                return Results.StatusCode(500);
            }

            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var headers = new WebhookHeaders(context.Request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())));
            var verification = verifier.Verify(new WebhookDelivery(body, headers));
            receiver.Received.Enqueue(new ReceivedWebhook(Encoding.UTF8.GetString(body), verification, context.Request.ContentType));
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Urls.Single() + "/hooks");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
