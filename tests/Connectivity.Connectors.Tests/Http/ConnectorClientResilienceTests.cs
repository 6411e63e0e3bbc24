using System.Diagnostics;
using System.Globalization;
using System.Text;
using Connectivity.Connectors.Http;
using Connectivity.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Connectors.Tests.Http;

public sealed class ConnectorClientResilienceTests
{
    [Fact]
    public async Task SendAsync_GetAnswered503Twice_RetriedUntilSuccess()
    {
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(app =>
            app.MapGet("/items", () => Interlocked.Increment(ref calls) <= 2 ? Results.StatusCode(503) : Results.Ok(new { ok = true })));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));

        Assert.Equal(HttpCallOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, server.Count("/items"));
    }

    [Fact]
    public async Task SendAsync_PostWithoutKeyAnswered503_SentOnceAndAmbiguous()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/orders", () => Results.StatusCode(503)));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{\"n\":1}") });

        Assert.Equal(1, server.Count("/orders"));
        Assert.Equal(HttpCallOutcome.Ambiguous, result.Outcome);
        Assert.Equal(HttpErrorCodes.AmbiguousOutcome, result.ErrorCode);
        Assert.Equal(DeliveryOutcome.PermanentFailure, result.ToDeliveryResult(DateTimeOffset.UtcNow).Outcome);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendAsync_PostWithoutKeyAnsweredStatusThatMayHaveTakenEffect_SentOnceAndAmbiguous(int status)
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/orders", () => Results.StatusCode(status)));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{}") });

        Assert.Equal(1, server.Count("/orders"));
        Assert.Equal(HttpCallOutcome.Ambiguous, result.Outcome);
        Assert.Equal(HttpErrorCodes.AmbiguousOutcome, result.ErrorCode);
        var delivery = result.ToDeliveryResult(DateTimeOffset.UtcNow);
        Assert.Equal(DeliveryOutcome.PermanentFailure, delivery.Outcome);
        Assert.Equal(HttpErrorCodes.AmbiguousOutcome, delivery.ErrorCode);
        Assert.Contains("not retried blindly", delivery.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PostWithoutKeyTimesOutAfterSending_SentOnceAndAmbiguous()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            return Results.Ok();
        }));
        await using var provider = TestConnectors.Build(server.BaseAddress, o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
        });

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "slow") { Content = new StringContent("{}") });

        Assert.Equal(HttpCallOutcome.Ambiguous, result.Outcome);
        Assert.Null(result.Response);
        Assert.Equal(1, server.Count("/slow"));
    }

    [Fact]
    public async Task SendAsync_PostWithoutKeyConnectionResetAfterSending_SentOnceAndAmbiguous()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/reset", (HttpContext context) => context.Abort()));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "reset") { Content = new StringContent("{}") });

        Assert.Equal(HttpCallOutcome.Ambiguous, result.Outcome);
        Assert.Equal(1, server.Count("/reset"));
    }

    [Fact]
    public async Task SendAsync_GetConnectionReset_RetriedAsTransient()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/reset", (HttpContext context) => context.Abort()));
        await using var provider = TestConnectors.Build(server.BaseAddress, o => o.Resilience.MaxRetryAttempts = 2);

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "reset"));

        Assert.Equal(HttpCallOutcome.TransientFailure, result.Outcome);
        Assert.Equal(3, server.Count("/reset"));
    }

    [Fact]
    public async Task SendAsync_PostWithKeyAnswered503_RetriedWithSameKeyAndIntactStreamedBody()
    {
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(app =>
            app.MapPost("/orders", () => Interlocked.Increment(ref calls) <= 2 ? Results.StatusCode(503) : Results.Created("/orders/7", new { id = 7 })));
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var body = "{\"customer\":\"C-1\",\"lines\":[1,2,3],\"note\":\"" + new string('x', 20_000) + "\"}";

        // A stream body can be read once; the profile buffers it so every attempt sends it whole.
        var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) };
        request.Headers.Add("Idempotency-Key", "msg-42");
        using var result = await provider.Client().SendAsync(request);

        Assert.Equal(HttpCallOutcome.Succeeded, result.Outcome);
        var seen = server.Requests.Where(r => r.PathAndQuery == "/orders").ToList();
        Assert.Equal(3, seen.Count);
        Assert.All(seen, r => Assert.Equal("msg-42", r.IdempotencyKey));
        Assert.All(seen, r => Assert.Equal(body, r.Body));
    }

    [Fact]
    public async Task SendAsync_Get429WithRetryAfterSeconds_WaitsAndRetries()
    {
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/quota", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Ok();
        }));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        var watch = Stopwatch.StartNew();
        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "quota"));

        Assert.Equal(HttpCallOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, server.Count("/quota"));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_Get429WithRetryAfterDate_WaitsUntilThenRetries()
    {
        var calls = 0;
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/quota", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture);
                return Results.StatusCode(429);
            }

            return Results.Ok();
        }));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        var watch = Stopwatch.StartNew();
        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "quota"));

        Assert.Equal(HttpCallOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, server.Count("/quota"));

        // An HTTP date has whole seconds: "now + 2 s" is between 1 and 2 seconds away.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanBudget_FailsFastWithNotBefore()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/quota", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "120";
            return Results.StatusCode(429);
        }));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        var before = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "quota"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(1, server.Count("/quota"));
        Assert.Equal(HttpCallOutcome.RateLimited, result.Outcome);
        Assert.NotNull(result.NotBefore);
        Assert.InRange(result.NotBefore!.Value, before.AddSeconds(119), DateTimeOffset.UtcNow.AddSeconds(121));
        var delivery = result.ToDeliveryResult(DateTimeOffset.UtcNow);
        Assert.Equal(DeliveryOutcome.TransientFailure, delivery.Outcome);
        Assert.InRange(delivery.RetryAfter!.Value, TimeSpan.FromSeconds(118), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task SendAsync_RateLimitResetEpochBeyondBudget_FailsFastWithThatNotBefore()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/orders", (HttpContext context) =>
        {
            context.Response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(429);
        }));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "k-1");
        using var result = await provider.Client().SendAsync(request);

        Assert.Equal(HttpCallOutcome.RateLimited, result.Outcome);
        Assert.Equal(1, server.Count("/orders"));
        Assert.Equal(reset, result.NotBefore!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task SendAsync_ClientSideQuotaExceeded_RateLimitedWithoutSending()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/items", () => Results.Ok()));
        await using var provider = TestConnectors.Build(server.BaseAddress, o =>
        {
            o.Resilience.RateLimitPermits = 2;
            o.Resilience.RateLimitWindow = TimeSpan.FromMinutes(1);
            o.Resilience.RateLimitQueueLimit = 0;
        });
        var client = provider.Client();

        var outcomes = new List<HttpCallOutcome>();
        for (var i = 0; i < 3; i++)
        {
            using var result = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));
            outcomes.Add(result.Outcome);
        }

        Assert.Equal([HttpCallOutcome.Succeeded, HttpCallOutcome.Succeeded, HttpCallOutcome.RateLimited], outcomes);
        Assert.Equal(2, server.Count("/items"));
    }

    [Fact]
    public async Task SendAsync_DeleteAnswered404_Ignored()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapDelete("/orders/1", () => Results.NotFound()));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        using var result = await provider.Client().SendAsync(new HttpRequestMessage(HttpMethod.Delete, "orders/1"));

        Assert.Equal(HttpCallOutcome.Ignored, result.Outcome);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task SendAsync_OneAuthorityBroken_ItsBreakerOpensWhileAnotherAuthorityKeepsWorking()
    {
        await using var broken = await KestrelTestServer.StartAsync(app => app.MapGet("/items", () => Results.StatusCode(500)));
        await using var healthy = await KestrelTestServer.StartAsync(app => app.MapGet("/items", () => Results.Ok()));
        await using var provider = TestConnectors.Build(broken.BaseAddress, o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(30);
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        var client = provider.Client();

        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));
            Assert.Equal(HttpCallOutcome.TransientFailure, failed.Outcome);
        }

        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "items"));
        using var other = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(healthy.BaseAddress, "items")));

        Assert.Equal(HttpErrorCodes.CircuitOpen, refused.ErrorCode);
        Assert.NotNull(refused.NotBefore);
        Assert.Equal(2, broken.Count("/items"));
        Assert.Equal(HttpCallOutcome.Succeeded, other.Outcome);
    }

    [Fact]
    public async Task SendAsync_OneTenantBroken_OtherTenantOnSameHostKeepsWorking()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/items", (HttpContext context) =>
            context.Request.Query["tenant"] == "t1" ? Results.StatusCode(503) : Results.Ok()));
        await using var provider = TestConnectors.Build(server.BaseAddress, o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        var client = provider.Client();

        HttpRequestMessage For(string tenant)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"items?tenant={tenant}");
            request.Options.Set(ConnectorRequestOptions.Tenant, tenant);
            return request;
        }

        for (var i = 0; i < 2; i++)
        {
            using var _ = await client.SendAsync(For("t1"));
        }

        using var refused = await client.SendAsync(For("t1"));
        using var other = await client.SendAsync(For("t2"));

        Assert.Equal(HttpErrorCodes.CircuitOpen, refused.ErrorCode);
        Assert.Equal(HttpCallOutcome.Succeeded, other.Outcome);
    }
}
