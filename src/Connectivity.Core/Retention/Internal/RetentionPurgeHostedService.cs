using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Connectivity.Retention.Internal;

/// <summary>Runs <see cref="RetentionPurger"/> every interval, counted from the host's start, for the life of the host.</summary>
internal sealed class RetentionPurgeHostedService(RetentionPurger purger, IOptionsMonitor<RetentionPurgeOptions> options, TimeProvider timeProvider) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made here, not in ExecuteAsync (which the host runs on another thread), so the first run is one interval after start.
        _timer = new PeriodicTimer(options.CurrentValue.Interval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("The retention purge was not started.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await purger.PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
