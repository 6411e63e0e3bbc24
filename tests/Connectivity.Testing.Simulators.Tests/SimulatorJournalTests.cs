using System.Text.Json.Nodes;

namespace Connectivity.Testing.Simulators.Tests;

public sealed class SimulatorJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cnx-sim-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task JournalPath_SystemRecreated_RecordsNumbersAndOrderSurvive()
    {
        var options = new SimulatorOptions { JournalPath = Path.Combine(_directory, "erp.journal") };
        string first;
        await using (var erp = new SimulatedErp(options))
        {
            first = erp.CreateRecord("customers", new JsonObject { ["displayName"] = "Acme" });
            erp.CreateRecord("customers", new JsonObject { ["displayName"] = "Globex" });
            erp.UpdateRecord("customers", first, new JsonObject { ["displayName"] = "Acme AG" });
        }

        await using var again = new SimulatedErp(options);
        var third = again.CreateRecord("customers", new JsonObject { ["displayName"] = "Initech" });

        var records = again.GetRecords("customers");
        Assert.Equal(["Globex", "Acme AG", "Initech"], records.Select(static r => (string)r["displayName"]!));
        Assert.Equal("C00001", (string)again.GetRecord("customers", first)!["number"]!);
        Assert.Equal("C00003", (string)again.GetRecord("customers", third)!["number"]!);
    }

    [Fact]
    public async Task JournalPath_LastLineCutShort_IgnoredAndTheRestKept()
    {
        var path = Path.Combine(_directory, "crm.journal");
        await using (var crm = new SimulatedCrm(new SimulatorOptions { JournalPath = path }))
        {
            crm.CreateRecord("Account", new JsonObject { ["Name"] = "Acme" });
        }

        await File.AppendAllTextAsync(path, "{\"table\":\"Account\",\"id\":\"00");

        await using var again = new SimulatedCrm(new SimulatorOptions { JournalPath = path });
        Assert.Equal("Acme", (string)Assert.Single(again.GetRecords("Account"))["Name"]!);
    }
}
