using Microsoft.Extensions.DependencyInjection;

namespace Connectivity;

/// <summary>
/// The builder returned by <see cref="ConnectivityServiceCollectionExtensions.AddConnectivity(IServiceCollection)"/>.
/// Every Connectivity package adds its registrations as extension methods on this interface.
/// </summary>
public interface IConnectivityBuilder
{
    /// <summary>Gets the service collection the registrations go into.</summary>
    IServiceCollection Services { get; }
}
