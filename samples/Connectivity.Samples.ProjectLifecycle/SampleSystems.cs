using Connectivity.Testing.Simulators;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>
/// The three simulated systems, started in-process on 127.0.0.1. Their records are journaled in the data folder, so a host that is
/// killed and restarted finds the systems as it left them (webhooks queued at the kill are lost, as a real outage loses them: the
/// restarted host catches up by reading the systems).
/// </summary>
internal sealed class SampleSystems : IAsyncDisposable
{
    private SampleSystems(SimulatedCrm crm, SimulatedErp erp, SimulatedServicePlatform service)
    {
        Crm = crm;
        Erp = erp;
        Service = service;
    }

    public SimulatedCrm Crm { get; }

    public SimulatedErp Erp { get; }

    public SimulatedServicePlatform Service { get; }

    public IEnumerable<SimulatedSystem> All => [Crm, Erp, Service];

    public SimulatedSystem this[string system] => system switch
    {
        SystemNames.Crm => Crm,
        SystemNames.Erp => Erp,
        _ => Service,
    };

    public static async Task<SampleSystems> StartAsync(string dataDirectory, bool faults, CancellationToken cancellationToken)
    {
        SimulatorOptions Options(string name) => new()
        {
            JournalPath = Path.Combine(dataDirectory, $"{name}.journal.ndjson"),
            WebhookMaxAttempts = 12,
            WebhookMaxBackoff = TimeSpan.FromSeconds(1),
        };

        var systems = new SampleSystems(new SimulatedCrm(Options("crm")), new SimulatedErp(Options("erp")), new SimulatedServicePlatform(Options("service")));
        foreach (var system in systems.All)
        {
            if (faults)
            {
                // 429 with Retry-After, 503, slow answers, duplicate and out-of-order webhooks: a bad day at three vendors.
                system.Faults = new SimulatorFaults
                {
                    TooManyRequestsEvery = 41,
                    RetryAfterSeconds = 1,
                    ServiceUnavailableEvery = 53,
                    SlowEvery = 97,
                    SlowDelay = TimeSpan.FromMilliseconds(300),
                    WebhookDuplicateRate = 0.05,
                    WebhookReorderRate = 0.1,
                    WebhookReorderHold = TimeSpan.FromSeconds(1),
                    Seed = 7,
                };
            }

            await system.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        return systems;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var system in All)
        {
            await system.DisposeAsync().ConfigureAwait(false);
        }
    }
}
