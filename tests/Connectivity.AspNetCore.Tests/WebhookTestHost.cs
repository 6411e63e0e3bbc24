using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Connectivity.AspNetCore.Webhooks;
using Connectivity.Connectors.Webhooks;
using Connectivity.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.AspNetCore.Tests;

/// <summary>What the test handler saw: every attempt, and the deliveries it completed.</summary>
internal sealed class HandlerRecorder
{
    public ConcurrentQueue<string> Attempts { get; } = new();

    public ConcurrentQueue<VerifiedWebhook> Handled { get; } = new();

    public int FailuresLeft;

    public TimeSpan Delay { get; set; }
}

/// <summary>Records deliveries; throws while <see cref="HandlerRecorder.FailuresLeft"/> is above zero.</summary>
internal sealed class RecordingHandler(HandlerRecorder recorder, IOutboxStore outbox) : IWebhookHandler
{
    public const string Destination = "erp";

    public async ValueTask HandleAsync(VerifiedWebhook webhook, CancellationToken cancellationToken)
    {
        recorder.Attempts.Enqueue(webhook.WebhookId);
        if (recorder.Delay > TimeSpan.Zero)
        {
            await Task.Delay(recorder.Delay, cancellationToken);
        }

        // Enlisted in the delivery's transaction: it must commit with the inbox mark or not at all.
        await outbox.EnqueueAsync([new OutboxMessage(Guid.CreateVersion7(), Destination, webhook.Body)], webhook.Transaction, cancellationToken);
        if (Interlocked.Decrement(ref recorder.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("The downstream system is unavailable.");
        }

        recorder.Handled.Enqueue(webhook);
    }
}

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, one webhook source "crm" at /webhooks/crm.</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string Source = "crm";

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private WebhookTestHost(WebApplication app, HandlerRecorder recorder, FakeTimeProvider time)
    {
        _app = app;
        Recorder = recorder;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public HandlerRecorder Recorder { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebhookTestHost> StartAsync(Action<WebhookReceiverOptions> configure, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var time = new FakeTimeProvider(Now);
        var recorder = new HandlerRecorder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(recorder);
        builder.Services.AddConnectivity()
            .AddInMemoryStores()
            .AddWebhookReceiver<RecordingHandler>(Source, configure);
        var app = builder.Build();
        if (map is null)
        {
            app.MapConnectivityWebhook("/webhooks/crm", Source);
        }
        else
        {
            map(app);
        }

        await app.StartAsync();
        return new WebhookTestHost(app, recorder, time);
    }

    public static HttpRequestMessage Request(string webhookId, DateTimeOffset timestamp, byte[] body, StandardWebhooksSigner signer, string path = "/webhooks/crm")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var header in signer.CreateHeaders(webhookId, timestamp, body))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return request;
    }

    public static byte[] Json(string id) => Encoding.UTF8.GetBytes($$$"""{"type":"account.updated","data":{"id":"{{{id}}}"}}""");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
