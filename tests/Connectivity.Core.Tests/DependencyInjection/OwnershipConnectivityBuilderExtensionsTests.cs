using Connectivity.ChangeTracking;
using Connectivity.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Core.Tests.DependencyInjection;

public sealed class OwnershipConnectivityBuilderExtensionsTests
{
    [Fact]
    public void AddOwnershipPolicy_CalledTwice_RegistersOnceAndResolves()
    {
        var services = new ServiceCollection();

        services.AddConnectivity().AddOwnershipPolicy(TestCatalog.Policy).AddInMemoryOwnershipStores();
        services.AddConnectivity().AddOwnershipPolicy(TestCatalog.Policy);

        Assert.Single(services, static d => d.ServiceType == typeof(IIdentityMap));
        Assert.Single(services, static d => d.ServiceType == typeof(ChangeDecider));
        using var provider = services.BuildServiceProvider();
        Assert.Same(TestCatalog.Policy, provider.GetRequiredService<ChangeDecider>().Policy);
        Assert.IsType<InMemoryIdentityMap>(provider.GetRequiredService<IIdentityMap>());
    }

    [Fact]
    public void AddInMemoryOwnershipStores_StoreAlreadyRegistered_KeepsIt()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryConflictStore();
        services.AddSingleton<IConflictStore>(mine);

        services.AddConnectivity().AddInMemoryOwnershipStores();

        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<IConflictStore>());
    }
}
