using Microsoft.Extensions.Hosting;

namespace Connectivity.Delivery.Internal;

/// <summary>Runs the registered <see cref="OutboxDispatcher"/> for the life of the host.</summary>
internal sealed class OutboxDispatcherHostedService(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
