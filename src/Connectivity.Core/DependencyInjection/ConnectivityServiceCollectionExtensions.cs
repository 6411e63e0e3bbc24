using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The DI entry point of Connectivity.</summary>
public static class ConnectivityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services every Connectivity feature relies on (a <see cref="TimeProvider"/> among them)
    /// and returns the builder that the other packages extend. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>A builder for further Connectivity registrations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddConnectivity(this IServiceCollection services)
    {
        Guard.Against.Null(services);

        if (services.Any(static d => d.ServiceType == typeof(ConnectivityMarkerService)))
        {
            return new ConnectivityBuilder(services);
        }

        services.AddSingleton<ConnectivityMarkerService>();
        services.TryAddSingleton(TimeProvider.System);
        return new ConnectivityBuilder(services);
    }
}
