using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Core.Tests.DependencyInjection;

public sealed class ConnectivityServiceCollectionExtensionsTests
{
    [Fact]
    public void AddConnectivity_ReturnsBuilderOverTheSameCollection()
    {
        var services = new ServiceCollection();

        var builder = services.AddConnectivity();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void AddConnectivity_RegistersSystemTimeProvider()
    {
        using var provider = new ServiceCollection().AddConnectivity().Services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddConnectivity_KeepsAHostsOwnTimeProvider()
    {
        var fake = new FixedTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(fake);

        using var provider = services.AddConnectivity().Services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddConnectivity_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        services.AddConnectivity();
        var count = services.Count;
        services.AddConnectivity();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddConnectivity_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ConnectivityServiceCollectionExtensions.AddConnectivity(null!));
    }

    private sealed class FixedTimeProvider : TimeProvider;
}
