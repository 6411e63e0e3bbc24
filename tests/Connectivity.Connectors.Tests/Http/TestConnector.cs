using Connectivity.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Connectors.Tests.Http;

/// <summary>The smallest connector: the tests call its client directly.</summary>
internal sealed class TestConnector(ConnectorClient client) : HttpConnector(client);

internal static class TestConnectors
{
    /// <summary>Builds a provider with one connector named <c>erp</c>, fast test delays, and whatever else the test sets.</summary>
    public static ServiceProvider Build(Uri baseAddress, Action<ConnectorOptions>? configure = null, TimeProvider? timeProvider = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        if (timeProvider is not null)
        {
            collection.AddSingleton(timeProvider);
        }

        services?.Invoke(collection);
        collection.AddConnectivity().AddConnector<TestConnector>("erp", options =>
        {
            options.BaseAddress = baseAddress;
            options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.Resilience.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            options.Resilience.TotalTimeout = TimeSpan.FromSeconds(5);
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(options);
        });
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ConnectorClient Client(this IServiceProvider provider) => provider.GetRequiredService<TestConnector>().Client;
}
