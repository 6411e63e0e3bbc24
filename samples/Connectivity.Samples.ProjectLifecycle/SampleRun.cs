using System.Diagnostics;
using Connectivity.Outbox;
using Connectivity.Sync;
using Connectivity.Connectors.Http;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>The running host seen from the scenario: wait for the systems to settle, catch up, reconcile.</summary>
internal sealed class SampleRun(WebApplication app, SampleSystems systems, SampleStats stats)
{
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromMinutes(10);

    public SampleSystems Systems => systems;

    public SampleStats Stats => stats;

    public SyncFlow Flow => app.Services.GetRequiredService<SyncFlow>();

    public IReadOnlyList<SystemReader> Readers => [.. Routes.All.Select(r => new SystemReader(r, app.Services.GetRequiredKeyedService<ConnectorClient>(r.System)))];

    /// <summary>Waits until no webhook is queued, the outbox is empty and nothing moved for a moment.</summary>
    public async Task WaitQuietAsync(CancellationToken cancellationToken)
    {
        var outbox = app.Services.GetRequiredService<IOutboxStore>();
        var clock = Stopwatch.StartNew();
        var quiet = 0;
        var last = (-1L, -1L);
        while (true)
        {
            var webhooks = systems.All.Sum(static s => s.WebhookCounters.Pending);
            var pending = (await outbox.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).PendingCount;
            var now = (stats.Processed, stats.Delivered);
            quiet = webhooks == 0 && pending == 0 && now == last ? quiet + 1 : 0;
            if (quiet >= 3)
            {
                return;
            }

            if (clock.Elapsed > QuietTimeout)
            {
                throw new TimeoutException($"The systems did not settle within {QuietTimeout}: {webhooks} webhook(s) queued, {pending} outbox message(s) pending.");
            }

            last = now;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every table and hands each record to the flow: what a restarted host does for the webhooks it missed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var reader in Readers)
        {
            await foreach (var record in reader.ReadRawAsync(cancellationToken).ConfigureAwait(false))
            {
                stats.Record(await RecordIngest.ProcessAsync(Flow, reader.Route, record, null, cancellationToken).ConfigureAwait(false));
                count++;
            }
        }

        return count;
    }

    public async Task<ReconciliationReport> ReconcileAsync(bool repair, CancellationToken cancellationToken)
        => await app.Services.GetRequiredService<Reconciler>().ReconcileAsync(Readers, repair, cancellationToken).ConfigureAwait(false);

    /// <summary>Records that share the key Connectivity writes (our canonical id): a duplicate created in a target.</summary>
    public IReadOnlyList<string> FindDuplicatesInTargets()
    {
        var found = new List<string>();
        foreach (var (system, table, key) in new[]
        {
            (SystemNames.Crm, "Invoice__c", "Connectivity_Id__c"),
            (SystemNames.Erp, "customers", "externalNo"), (SystemNames.Erp, "projects", "externalNo"),
            (SystemNames.Erp, "contracts", "externalNo"), (SystemNames.Erp, "workOrders", "externalNo"),
            (SystemNames.Service, "core_company", "u_connectivity_id"), (SystemNames.Service, "pm_project", "u_connectivity_id"),
            (SystemNames.Service, "ast_contract", "u_connectivity_id"), (SystemNames.Service, "service_entitlement", "u_connectivity_id"),
            (SystemNames.Service, "alm_asset", "u_connectivity_id"),
        })
        {
            foreach (var (value, ids) in systems[system].FindDuplicates(table, key))
            {
                if (!string.IsNullOrEmpty(value))
                {
                    found.Add($"{system} {table}: {key} = {value} on {string.Join(", ", ids)}");
                }
            }
        }

        return found;
    }
}
