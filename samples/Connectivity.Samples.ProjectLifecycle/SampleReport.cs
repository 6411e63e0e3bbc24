using System.Globalization;
using Connectivity.Outbox;
using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>The reconciliation report a person reads at the end of the run.</summary>
internal static class SampleReport
{
    public static void Write(
        TextWriter output, SampleOptions options, ReconciliationReport report, SampleStats stats, SampleSystems systems,
        IReadOnlyList<string> duplicates, IReadOnlyList<DeadLetter> deadLetters, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("Reconciliation: for every linked record, the fields each system holds compared with the owners' values");
        foreach (var system in new[] { SystemNames.Crm, SystemNames.Erp, SystemNames.Service })
        {
            var tables = string.Join(", ", report.RecordsRead.Where(r => r.Key.StartsWith(system + "/", StringComparison.Ordinal)).Select(static r => $"{r.Key[(r.Key.IndexOf('/') + 1)..]} {r.Value}"));
            output.WriteLine($"  {system,-8} {tables}");
        }

        output.WriteLine(string.Create(c, $"  records compared          {report.RecordsCompared,8}   fields compared {report.FieldsCompared}"));
        output.WriteLine(string.Create(c, $"  disagreements             {report.Issues.Count,8}"));
        output.WriteLine(string.Create(c, $"  records synced            {stats.Applied,8}   (incoming records with accepted changes; {stats.Processed} processed in all)"));
        output.WriteLine(string.Create(c, $"  changes rejected          {stats.RejectedFields,8}   (fields changed by a system that does not own them; owner's value written back)"));
        output.WriteLine(string.Create(c, $"  conflicts                 {stats.Conflicts,8}"));
        output.WriteLine(string.Create(c, $"  echoes suppressed         {stats.Echoes,8}   (our own writes reported back, or records merely touched)"));
        output.WriteLine(string.Create(c, $"  out-of-order ignored      {stats.Stale,8}   (older than a version already seen)"));
        output.WriteLine(string.Create(c, $"  duplicate deliveries      {stats.DuplicateDeliveries,8}   (webhooks delivered twice, absorbed by the inbox)"));
        output.WriteLine(string.Create(c, $"  writes delivered          {stats.Delivered,8}   retries {stats.Retries} (of them waiting for a parent: {stats.WaitedForParent})"));
        output.WriteLine(string.Create(c, $"  dead letters              {deadLetters.Count,8}"));
        output.WriteLine(string.Create(c, $"  duplicates in targets     {duplicates.Count + report.Count(SyncErrorCodes.DuplicateInSystem),8}"));
        output.WriteLine(string.Create(c, $"  faults injected           {systems.All.Sum(static s => s.FaultCounters.TooManyRequests),8} x 429, {systems.All.Sum(static s => s.FaultCounters.ServiceUnavailable)} x 503, {systems.All.Sum(static s => s.FaultCounters.Slowed)} slow, {systems.All.Sum(static s => s.FaultCounters.DuplicatedWebhooks)} duplicated and {systems.All.Sum(static s => s.FaultCounters.ReorderedWebhooks)} reordered webhooks"));
        output.WriteLine(string.Create(c, $"  time                      {elapsed.TotalSeconds,8:0.0} s   {stats.Processed / Math.Max(elapsed.TotalSeconds, 0.001):0} records/s through the flow, {options.Projects / Math.Max(elapsed.TotalSeconds, 0.001):0.0} projects/s"));

        foreach (var issue in report.Issues.Take(25))
        {
            output.WriteLine($"  ! {issue}");
        }

        if (report.Issues.Count > 25)
        {
            output.WriteLine($"  ! ... and {report.Issues.Count - 25} more");
        }

        foreach (var duplicate in duplicates.Take(10))
        {
            output.WriteLine($"  ! duplicate: {duplicate}");
        }

        foreach (var letter in deadLetters.Take(10))
        {
            output.WriteLine($"  ! dead letter: {letter}");
        }
    }
}
