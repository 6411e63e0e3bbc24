using Connectivity.Canonical;
using Connectivity.Connectors.Entities;
using Connectivity.Samples.UserTests.Acme;
using Connectivity.Testing.Canonical;
using Connectivity.Testing.Http;

namespace Connectivity.Samples.UserTests;

/// <summary>The connector against a session with Acme's sandbox, recorded once (Cassettes/acme-work-orders.json) and replayed offline.</summary>
public sealed class AcmeWorkOrderConnectorTests
{
    private static WorkOrder Chiller() => CanonicalFixtures.WorkOrder("AC-CUS-7", w => (w.Id, w.Summary) = ("wo_cassette_1", "Chiller high-pressure alarm"));

    [Fact]
    public async Task UpsertAsync_NewThenChanged_CreatedThenUpdatedUnderOneAcmeId()
    {
        var replay = new ReplayHandler(HttpCassette.Load("Cassettes/acme-work-orders.json"));
        await using var acme = AcmeServices.Build(replay);
        var (writer, reader) = (new AcmeWorkOrderWriter(acme.AcmeClient()), new AcmeWorkOrderReader(acme.AcmeClient(), AcmeMaps.WorkOrder));

        var workOrder = Chiller();
        var created = await writer.UpsertAsync(workOrder, "msg-1");
        workOrder.Description = "Roof access via stair B";
        var updated = await writer.UpsertAsync(workOrder, "msg-2");
        var read = await reader.ReadByIdAsync(created.RemoteId!);

        Assert.Equal((EntityWriteOutcome.Created, "AC-1001"), (created.Outcome, created.RemoteId));
        Assert.Equal((EntityWriteOutcome.Updated, "AC-1001"), (updated.Outcome, updated.RemoteId));
        Assert.Equal("Roof access via stair B", read.Entity!.Description);
        Assert.Equal(0, replay.Remaining);
    }

    /// <summary>
    /// Records the same session against the sandbox and compares it with the committed cassette, so a connector change that
    /// changes the traffic fails here. Set CONNECTIVITY_RECORD=1 to write the new cassette instead, then review and commit it.
    /// </summary>
    [Fact]
    public async Task Record_AgainstTheSandbox_MatchesTheCommittedCassette()
    {
        var recorder = new RecordingHandler(new AcmeSandbox());
        await using var acme = AcmeServices.Build(recorder);
        var (writer, reader) = (new AcmeWorkOrderWriter(acme.AcmeClient()), new AcmeWorkOrderReader(acme.AcmeClient(), AcmeMaps.WorkOrder));

        var workOrder = Chiller();
        var created = await writer.UpsertAsync(workOrder, "msg-1");
        workOrder.Description = "Roof access via stair B";
        await writer.UpsertAsync(workOrder, "msg-2");
        await reader.ReadByIdAsync(created.RemoteId!);

        var committed = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Cassettes", "acme-work-orders.json");
        if (Environment.GetEnvironmentVariable("CONNECTIVITY_RECORD") == "1")
        {
            recorder.Cassette.Save(committed);
            return;
        }

        var recorded = Path.Combine(Path.GetTempPath(), $"acme-work-orders-{Guid.NewGuid():N}.json");
        try
        {
            recorder.Cassette.Save(recorded);
            Assert.Equal(File.ReadAllText(committed).ReplaceLineEndings(), File.ReadAllText(recorded).ReplaceLineEndings());
        }
        finally
        {
            File.Delete(recorded);
        }
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
