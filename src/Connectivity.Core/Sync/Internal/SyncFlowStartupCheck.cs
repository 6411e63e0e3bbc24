using Connectivity.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connectivity.Sync.Internal;

/// <summary>
/// Checks the sync flow when the host starts rather than at the first webhook: the definition against the ownership policy
/// (by building the flow), and that a writer is registered under every destination name the flow delegates to.
/// </summary>
internal sealed class SyncFlowStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var flow = services.GetRequiredService<SyncFlow>();
        var writers = services.GetServices<IDestinationWriter>().Where(static w => w is not SyncDestinationWriter).Select(static w => w.Destination).ToHashSet(StringComparer.Ordinal);
        var missing = flow.Definition.Entities
            .SelectMany(static e => e.Destinations.Select(d => (e.EntityType, System: d.Key, Writer: d.Value)))
            .Where(d => !writers.Contains(d.Writer))
            .Select(static d => $"{d.EntityType} to {d.System} through '{d.Writer}'")
            .ToList();
        return missing.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException($"The sync flow writes through destination writers that are not registered: {string.Join("; ", missing)}. Register them (for example with AddEntityWriter).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
