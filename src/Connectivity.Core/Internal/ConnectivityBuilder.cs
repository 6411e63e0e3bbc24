using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Internal;

internal sealed class ConnectivityBuilder(IServiceCollection services) : IConnectivityBuilder
{
    public IServiceCollection Services { get; } = services;
}
