using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.Idempotency;
using Connectivity.Inbox;
using Connectivity.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Connectivity.Core.Tests.Delivery;

public sealed class DeliveryConnectivityBuilderExtensionsTests
{
    private sealed class ErpWriter : IDestinationWriter
    {
        public string Destination => "erp";

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken) => new(DeliveryResult.Delivered);
    }

    [Fact]
    public void AddInMemoryStores_CalledTwice_RegistersEachStoreOnce()
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddInMemoryStores().AddInMemoryStores().AddOutboxDispatcher().AddOutboxDispatcher().AddDestinationWriter<ErpWriter>().AddDestinationWriter<ErpWriter>();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Single(provider.GetServices<IDestinationWriter>());
        Assert.Same(provider.GetRequiredService<IOutboxStore>(), provider.GetRequiredService<IDeadLetterStore>());
        Assert.IsType<InMemoryIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<InMemoryInboxStore>(provider.GetRequiredService<IInboxStore>());
        Assert.IsType<InMemoryCheckpointStore>(provider.GetRequiredService<ICheckpointStore>());
        Assert.NotNull(provider.GetRequiredService<OutboxDispatcher>());
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Validate_IdempotencyExpiryShorterThanRetryPlusReplayHorizon_FailsAtStartUp()
    {
        var services = new ServiceCollection();
        services.AddConnectivity()
            .AddInMemoryStores()
            .AddOutboxDispatcher(o => o.ReplayHorizon = TimeSpan.FromDays(3))
            .ConfigureIdempotency(o => o.Expiry = TimeSpan.FromDays(2));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
        Assert.Contains("retry horizon plus its replay horizon", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(31 * 24 * 3600.0)]
    public void Validate_LeaseDurationTheRenewalTimerCannotTake_FailsAtStartUp(double seconds)
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddInMemoryStores().AddOutboxDispatcher(o => o.LeaseDuration = TimeSpan.FromSeconds(seconds));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.ThrowsAny<Exception>(provider.GetRequiredService<IStartupValidator>().Validate);
        Assert.Contains("LeaseDuration must be between", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PermanentFailureAttemptsAboveMaxAttempts_FailsAtStartUp()
    {
        var services = new ServiceCollection();
        services.AddConnectivity().AddInMemoryStores().AddOutboxDispatcher(o =>
        {
            o.MaxAttempts = 2;
            o.PermanentFailureMaxAttempts = 3;
        });
        using var provider = services.BuildServiceProvider();

        // The idempotency validator reads the dispatcher options too, so the start-up validator may aggregate both failures.
        var ex = Assert.ThrowsAny<Exception>(provider.GetRequiredService<IStartupValidator>().Validate);
        Assert.True(ex is OptionsValidationException or AggregateException);
        Assert.Contains("PermanentFailureMaxAttempts must be between 1 and MaxAttempts.", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetRetryHorizon_SumsTheLargestDelaysBetweenAttempts()
    {
        var options = new OutboxDispatcherOptions { MaxAttempts = 4, BaseRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(3) };

        Assert.Equal(TimeSpan.FromSeconds(1 + 2 + 3), options.GetRetryHorizon());
    }
}
