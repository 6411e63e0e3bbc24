using System.Collections.Concurrent;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Connectors.Tests.Http;

public sealed class AuthenticationTests
{
    private const string ClientSecret = "s3cr3t-client-value";

    /// <summary>A token endpoint and an API on one Kestrel; the API accepts only the token issued last.</summary>
    private static Task<KestrelTestServer> StartOAuthServerAsync(Func<int> expiresIn, ConcurrentBag<string> issued, Func<string?> valid)
    {
        return KestrelTestServer.StartAsync(app =>
        {
            app.MapPost("/token", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                if (form["client_secret"] != ClientSecret)
                {
                    return Results.Json(new { error = "invalid_client" }, statusCode: 401);
                }

                var token = $"token-{issued.Count + 1}";
                issued.Add(token);
                return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = expiresIn() });
            });
            app.MapPost("/orders", (HttpContext context) =>
                context.Request.Headers.Authorization == $"Bearer {valid()}" ? Results.Ok() : Results.StatusCode(401));
        });
    }

    [Fact]
    public async Task OAuth_TargetAnswers401_RefreshesOnceAndResendsIntactBody()
    {
        var issued = new ConcurrentBag<string>();
        string? valid = null;
        await using var server = await StartOAuthServerAsync(() => 3600, issued, () => valid);
        var tokenOptions = new OAuthTokenOptions { TokenEndpoint = new Uri(server.BaseAddress, "token"), ClientId = "c1", ClientSecret = ClientSecret };
        await using var provider = TestConnectors.Build(server.BaseAddress, o => o.Authentication = HttpAuthentication.OAuth(tokenOptions));
        var client = provider.Client();

        valid = "token-1";
        using var first = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{\"a\":1}") });

        // The target revokes token-1; the next issued token is token-2.
        valid = "token-2";
        using var second = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{\"a\":2}") });

        Assert.Equal(HttpCallOutcome.Succeeded, first.Outcome);
        Assert.Equal(HttpCallOutcome.Succeeded, second.Outcome);
        Assert.Equal(2, issued.Count);
        var orders = server.Requests.Where(r => r.PathAndQuery == "/orders").ToList();
        Assert.Equal(["{\"a\":1}", "{\"a\":2}", "{\"a\":2}"], orders.Select(r => r.Body));
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], orders.Select(r => r.Authorization));
    }

    [Fact]
    public async Task OAuth_TokenNearExpiry_RefreshedBeforeItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var issued = new ConcurrentBag<string>();
        await using var server = await StartOAuthServerAsync(() => 3600, issued, () => $"token-{issued.Count}");
        var tokenOptions = new OAuthTokenOptions { TokenEndpoint = new Uri(server.BaseAddress, "token"), ClientId = "c1", ClientSecret = ClientSecret };
        await using var provider = TestConnectors.Build(server.BaseAddress, o => o.Authentication = HttpAuthentication.OAuth(tokenOptions), time);
        var client = provider.Client();

        using var a = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders"));
        time.Advance(TimeSpan.FromSeconds(3500));
        using var b = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders"));
        time.Advance(TimeSpan.FromSeconds(41)); // 59 s before expiry: inside the 60 s refresh margin
        using var c = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders"));

        Assert.All(new[] { a, b, c }, r => Assert.Equal(HttpCallOutcome.Succeeded, r.Outcome));
        Assert.Equal(2, issued.Count);
        Assert.Equal(3, server.Count("/orders"));
    }

    [Fact]
    public async Task OAuth_RefreshTokenGrant_SendsRefreshTokenAndKeepsRotatedOne()
    {
        var forms = new ConcurrentQueue<string>();
        await using var server = await KestrelTestServer.StartAsync(app =>
        {
            app.MapPost("/token", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                forms.Enqueue($"{form["grant_type"]}:{form["refresh_token"]}");
                return Results.Json(new { access_token = $"at-{forms.Count}", expires_in = 3600, refresh_token = $"rt-{forms.Count + 1}" });
            });
            app.MapGet("/me", (HttpContext context) => context.Request.Headers.Authorization == "Bearer at-2" ? Results.Ok() : Results.StatusCode(401));
        });
        var tokenOptions = new OAuthTokenOptions
        {
            GrantType = OAuthGrantType.RefreshToken, TokenEndpoint = new Uri(server.BaseAddress, "token"), ClientId = "c1", RefreshToken = "rt-1",
        };
        await using var provider = TestConnectors.Build(server.BaseAddress, o => o.Authentication = HttpAuthentication.OAuth(tokenOptions));

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"));

        Assert.Equal(HttpCallOutcome.Succeeded, result.Outcome);
        Assert.Equal(["refresh_token:rt-1", "refresh_token:rt-2"], forms);
    }

    [Fact]
    public async Task OAuth_TokenEndpointRefusesClient_PermanentFailureWithoutSecretInReason()
    {
        await using var server = await StartOAuthServerAsync(() => 3600, [], () => null);
        var tokenOptions = new OAuthTokenOptions { TokenEndpoint = new Uri(server.BaseAddress, "token"), ClientId = "c1", ClientSecret = "wrong-" + ClientSecret };
        await using var provider = TestConnectors.Build(server.BaseAddress, o => o.Authentication = HttpAuthentication.OAuth(tokenOptions));

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders"));

        Assert.Equal(HttpCallOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(HttpErrorCodes.AuthenticationFailed, result.ErrorCode);
        Assert.Contains("invalid_client", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, result.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, server.Count("/orders"));
    }

    [Theory]
    [InlineData(ApiKeyLocation.Header)]
    [InlineData(ApiKeyLocation.Query)]
    public async Task ApiKey_Configured_SentAndNeverLogged(ApiKeyLocation location)
    {
        const string Key = "k3y-VALUE-123";
        var logs = new CapturingLoggerProvider();
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/items", (HttpContext context) =>
            context.Request.Headers["X-Api-Key"] == Key || context.Request.Query["api_key"] == Key ? Results.Ok() : Results.StatusCode(401)));
        await using var provider = TestConnectors.Build(
            server.BaseAddress,
            o => o.Authentication = HttpAuthentication.ApiKey(location == ApiKeyLocation.Header ? "X-Api-Key" : "api_key", Key, location),
            services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));

        Assert.Equal(HttpCallOutcome.Succeeded, result.Outcome);
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Key, StringComparison.Ordinal));
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ConnectorOptions>>().Get("erp");
        Assert.DoesNotContain(Key, options.Authentication!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_Configured_SendsCredentials()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/items", () => Results.Ok()));
        await using var provider = TestConnectors.Build(server.BaseAddress, o => o.Authentication = HttpAuthentication.Basic("erp-user", "p@ss"));

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));

        Assert.Equal("Basic " + Convert.ToBase64String("erp-user:p@ss"u8.ToArray()), server.Requests.Single().Authorization);
    }

    [Fact]
    public void ToString_OfEveryAuthentication_HidesSecrets()
    {
        var texts = new[]
        {
            HttpAuthentication.ApiKey("X-Api-Key", "SECRET-1").ToString(),
            HttpAuthentication.Basic("user", "SECRET-2").ToString(),
            HttpAuthentication.Bearer("SECRET-3").ToString(),
            HttpAuthentication.OAuth(new OAuthTokenOptions { TokenEndpoint = new Uri("http://127.0.0.1/t"), ClientId = "c", ClientSecret = "SECRET-4", RefreshToken = "SECRET-5" }).ToString(),
            new AccessToken("SECRET-6", DateTimeOffset.UnixEpoch).ToString(),
            new ApiKeyHandler("k", "SECRET-7").ToString(),
            new BasicAuthenticationHandler("u", "SECRET-8").ToString(),
        };

        Assert.All(texts, t => Assert.DoesNotContain("SECRET", t, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
