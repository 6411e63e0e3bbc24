using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connectivity.Testing.Tests.Http;

/// <summary>
/// A small vendor sandbox on Kestrel at 127.0.0.1 (ephemeral port): an OAuth token endpoint, a paged account list
/// that answers 429 once, and an account upsert that echoes what it got.
/// </summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _pageCalls;

    private SandboxServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<SandboxServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SandboxServer(app);

        app.MapPost("/oauth/token", () => Results.Json(new { access_token = "s3cr3t-token-value", token_type = "Bearer", expires_in = 3600 }));
        app.MapGet("/accounts", (HttpRequest request) =>
        {
            if (request.Headers.Authorization != "Bearer s3cr3t-token-value")
            {
                return Results.StatusCode(401);
            }

            var page = int.Parse(request.Query["page"].FirstOrDefault() ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            if (page == 2 && Interlocked.Increment(ref server._pageCalls) == 1)
            {
                return Results.Text("{\"error\":\"slow down\"}", "application/json", statusCode: 429);
            }

            var next = page < 3 ? $"/accounts?page={page + 1}" : null;
            return Results.Json(new { records = new[] { new { Id = $"A{page}", Name = $"Account {page}" } }, nextRecordsUrl = next });
        });
        app.MapPost("/accounts", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Text(await reader.ReadToEndAsync(), "application/json", statusCode: 201);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
