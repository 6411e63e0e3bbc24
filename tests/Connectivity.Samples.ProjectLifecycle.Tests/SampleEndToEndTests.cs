using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle.Tests;

/// <summary>The sample, in-process: ten projects from award to invoice with faults on, then the reconciliation report.</summary>
public sealed class SampleEndToEndTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cnx-sample-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task RunAsync_TenProjectsWithFaults_EveryLinkedRecordAgreesAndNothingIsDuplicated()
    {
        var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var outcome = await SampleApp.RunAsync(new SampleOptions(10, _data, Resume: false, Faults: true, Repair: false, Verbose: false), output, timeout.Token);

        var text = output.ToString();
        Assert.True(outcome.IsClean, text);
        Assert.Empty(outcome.Report.Issues);
        Assert.Empty(outcome.Duplicates);
        Assert.Empty(outcome.DeadLetters);
        Assert.Equal(0, outcome.Counts.Invalid);

        // Every linked record of every system was compared: CRM 4 entity types x 10, ERP 9 per project, service 8 per project.
        Assert.Equal(40 + 90 + 80, outcome.Report.RecordsCompared);
        Assert.Equal(0, outcome.Report.Count(SyncErrorCodes.Unlinked));

        // The run was not a fair-weather one: faults were injected and absorbed, echoes of our writes came back and were
        // suppressed, and the sales rep's edits of a finance-owned credit limit (projects 5 and 10) were rejected.
        Assert.True(outcome.Counts.FaultsInjected > 0, text);
        Assert.True(outcome.Counts.Echoes > 0, text);
        Assert.True(outcome.Counts.RejectedFields >= 2, text);
        Assert.Contains("disagreements                    0", text, StringComparison.Ordinal);
        Assert.Contains("OK: every system agrees", text, StringComparison.Ordinal);
    }
}
