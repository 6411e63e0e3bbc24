using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connectivity.Connectors.Tests.Http;

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string Body, string? IdempotencyKey, string? Authorization, string? Tenant);

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port and endpoints scripted by the test. Records every request.</summary>
internal sealed class KestrelTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelTestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count(string pathPrefix) => Requests.Count(r => r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static async Task<KestrelTestServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        KestrelTestServer? server = null;
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            server!.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                body,
                context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
                context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers["X-Tenant"].FirstOrDefault()));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        server = new KestrelTestServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
