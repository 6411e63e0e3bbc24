using Connectivity.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Samples.UserTests.Acme;

/// <summary>Wires the Acme connector as the application does, with the HTTP handler the test chooses (a replay, a sandbox).</summary>
public static class AcmeServices
{
    public static readonly Uri BaseAddress = new("https://api.acme-field.example/v2/");

    public static ServiceProvider Build(HttpMessageHandler handler)
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddConnector<AcmeConnector>("acme", o => o.BaseAddress = BaseAddress);
        services.AddHttpClient("acme").ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }

    public static ConnectorClient AcmeClient(this IServiceProvider provider) => provider.GetRequiredService<AcmeConnector>().Client;
}
