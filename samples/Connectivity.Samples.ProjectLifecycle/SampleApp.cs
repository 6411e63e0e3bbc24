using System.Diagnostics;
using System.Globalization;
using Connectivity.Outbox;
using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>What a run ended with: the reconciliation report, the counts, the duplicates found in the targets.</summary>
internal sealed record SampleOutcome(ReconciliationReport Report, SampleCounts Counts, IReadOnlyList<string> Duplicates, IReadOnlyList<DeadLetter> DeadLetters, TimeSpan Elapsed)
{
    public bool IsClean => Report.IsClean && Duplicates.Count == 0 && Report.Count(SyncErrorCodes.DuplicateInSystem) == 0;
}

/// <summary>The counts of a run, copied when it ends.</summary>
internal sealed record SampleCounts(long Processed, long Applied, long RejectedFields, long Conflicts, long Echoes, long Stale, long DuplicateDeliveries, long Retries, long Delivered, long Invalid, long FaultsInjected);

/// <summary>The sample, start to end: systems, host, scenario, reconciliation, report.</summary>
internal static class SampleApp
{
    public static async Task<SampleOutcome> RunAsync(SampleOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (!options.Resume && Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(options.DataDirectory);
        var clock = Stopwatch.StartNew();
        await output.WriteLineAsync($"Connectivity sample: {options.Projects} project(s) from award to invoice; data in {options.DataDirectory}{(options.Resume ? " (resumed)" : string.Empty)}");
        await using var systems = await SampleSystems.StartAsync(options.DataDirectory, options.Faults, cancellationToken);
        await output.WriteLineAsync($"  CRM {systems.Crm.BaseAddress}  ERP {systems.Erp.BaseAddress}  service {systems.Service.BaseAddress}{(options.Faults ? "  (faults on: 429, 503, slow answers, duplicate and out-of-order webhooks)" : string.Empty)}");

        using var stats = new SampleStats();
        var secrets = SampleHost.NewSecrets();
        await using var app = SampleHost.Build(systems, options.DataDirectory, stats, secrets, options.Verbose);
        await app.StartAsync(cancellationToken);
        SampleHost.Subscribe(app, systems, secrets);
        var run = new SampleRun(app, systems, stats);

        if (options.Resume)
        {
            // Webhooks sent while the host was down are lost: read every system once, as a restarted connector would.
            var caught = await run.CatchUpAsync(cancellationToken);
            await run.WaitQuietAsync(cancellationToken);
            await output.WriteLineAsync($"  caught up: {caught} record(s) read from the three systems");
        }

        await new Scenario(run, options.Projects, output).RunAsync(cancellationToken);
        var elapsed = clock.Elapsed;

        var report = await run.ReconcileAsync(options.Repair, cancellationToken);
        if (options.Repair && report.RepairsEnqueued > 0)
        {
            await output.WriteLineAsync($"  {report.RepairsEnqueued} repair(s) queued; reconciling again");
            await run.WaitQuietAsync(cancellationToken);
            report = await run.ReconcileAsync(false, cancellationToken);
        }

        var duplicates = run.FindDuplicatesInTargets();
        var deadLetters = await app.Services.GetRequiredService<IDeadLetterStore>().ListAsync(limit: 1000, cancellationToken: cancellationToken);
        SampleReport.Write(output, options, report, stats, systems, duplicates, deadLetters, elapsed);
        await app.StopAsync(CancellationToken.None);

        var faults = systems.All.Sum(static s => s.FaultCounters.TooManyRequests + s.FaultCounters.ServiceUnavailable + s.FaultCounters.Slowed + s.FaultCounters.DuplicatedWebhooks + s.FaultCounters.ReorderedWebhooks);
        var counts = new SampleCounts(stats.Processed, stats.Applied, stats.RejectedFields, stats.Conflicts, stats.Echoes, stats.Stale, stats.DuplicateDeliveries, stats.Retries, stats.Delivered, stats.Invalid, faults);
        var outcome = new SampleOutcome(report, counts, duplicates, deadLetters, elapsed);
        await output.WriteLineAsync(outcome.IsClean
            ? string.Create(CultureInfo.InvariantCulture, $"OK: every system agrees; {elapsed.TotalSeconds:0.0} s")
            : "FAILED: the systems disagree (see above)");
        return outcome;
    }
}
