using System.Net;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Connectivity.Connectors.Tests.Http;

/// <summary>Pins the documented defaults of the profile by reading the options it builds.</summary>
public sealed class ConnectorResilienceProfileTests
{
    [Fact]
    public void Create_DefaultOptions_BuildsTheDocumentedProfile()
    {
        var options = new ConnectorOptions();

        var total = ConnectorResilienceProfile.CreateTotalTimeout(options);
        var attempt = ConnectorResilienceProfile.CreateAttemptTimeout(options);
        var retry = ConnectorResilienceProfile.CreateRetry(options, TimeProvider.System);
        var breaker = ConnectorResilienceProfile.CreateCircuitBreaker(options);

        Assert.Equal(TimeSpan.FromSeconds(30), total.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), attempt.Timeout);
        Assert.Equal(3, retry.MaxRetryAttempts);
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(10), retry.MaxDelay);
        Assert.True(retry.UseJitter);
        Assert.False(retry.ShouldRetryAfterHeader);
        Assert.Equal(0.5, breaker.FailureRatio);
        Assert.Equal(10, breaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), breaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), breaker.BreakDuration);
        Assert.Null(ConnectorResilienceProfile.CreateRateLimiter(options));
        Assert.Equal("Idempotency-Key", options.IdempotencyKeyHeader);
        Assert.Null(options.BaseAddress);
        Assert.Null(options.Authentication);
        Assert.Same(HttpErrorClassification.Default, options.ErrorClassification);
    }

    [Fact]
    public void Default_ClassificationTable_IsPinned()
    {
        Assert.Equal(
            ["delete-gone -> Ignore", "401 -> RefreshTokenThenRetry", "408 -> Retry", "429 -> RateLimited", "501 -> Fail", "505 -> Fail", "500-599 -> Retry"],
            HttpErrorClassification.Default.Rules.Select(r => r.ToString()));
        Assert.Equal(["500-599"], HttpErrorClassification.Default.Rules.Where(r => r.MayHaveTakenEffect).Select(r => r.Name));
    }

    [Theory]
    [InlineData("GET", null, 503, true)]
    [InlineData("HEAD", null, 500, true)]
    [InlineData("OPTIONS", null, 408, true)]
    [InlineData("GET", null, 429, true)]
    [InlineData("POST", null, 503, false)]
    [InlineData("PUT", null, 503, false)]
    [InlineData("PATCH", null, 500, false)]
    [InlineData("DELETE", null, 503, false)]
    [InlineData("POST", "key-1", 503, true)]
    [InlineData("PATCH", "key-1", 429, true)]
    [InlineData("GET", null, 400, false)]
    [InlineData("GET", null, 401, false)]
    [InlineData("POST", "key-1", 422, false)]
    public async Task Retry_DefaultProfile_RetriesOnlyRetrySafeRequestsOnTransientStatuses(string method, string? key, int status, bool retried)
    {
        var retry = ConnectorResilienceProfile.CreateRetry(new ConnectorOptions(), TimeProvider.System);
        var request = new HttpRequestMessage(new HttpMethod(method), "http://127.0.0.1/x");
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
        var context = ResilienceContextPool.Shared.Get();
        var handled = await retry.ShouldHandle(new RetryPredicateArguments<HttpResponseMessage>(context, Outcome.FromResult(response), 0));

        Assert.Equal(retried, handled);
    }

    [Fact]
    public void ValidateOnStart_AttemptTimeoutLongerThanBudget_FailsAtStartUp()
    {
        using var provider = TestConnectors.Build(new Uri("http://127.0.0.1:1/"), o =>
        {
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.CircuitBreakerFailureRatio = 2;
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(exception.Failures, f => f.Contains("AttemptTimeout", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("CircuitBreakerFailureRatio", StringComparison.Ordinal));
    }

    [Fact]
    public void AddConnector_CalledTwiceForOneName_RegistersOneHandlerChain()
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddConnector<TestConnector>("erp", o => o.BaseAddress = new Uri("http://127.0.0.1:1/"));
        static int HttpClientConfigurations(IServiceCollection s) =>
            s.Count(d => d.ServiceType == typeof(IConfigureOptions<Microsoft.Extensions.Http.HttpClientFactoryOptions>));
        var before = HttpClientConfigurations(services);
        services.AddConnectivity().AddConnector<TestConnector>("erp", o => o.Resilience.MaxRetryAttempts = 1);

        Assert.Equal(before, HttpClientConfigurations(services));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get("erp");
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), options.BaseAddress);
        Assert.Equal("erp", provider.GetRequiredKeyedService<TestConnector>("erp").Name);
    }
}
