using System.Text.Json.Nodes;
using Connectivity.Canonical.Serialization;
using Connectivity.ChangeTracking;

namespace Connectivity.Canonical.Tests.Ownership;

public sealed class EchoRoundTripTests
{
    [Fact]
    public async Task RoundTrip_CrmToErpToCrm_ThousandTimes_NoEchoWrites()
    {
        var hub = new SyncHub { SystemsEchoWrites = false };
        const string id = "cust-echo";
        var created = JsonNode.Parse(CanonicalJson.Serialize(new Customer { Id = id, Name = "Echo AS", Stage = CustomerStage.Prospect }))!.AsObject();
        await hub.EditAsync("crm", "customer", id, s => s.Merge(created));
        var writesBefore = new Dictionary<string, int>(hub.Writes);
        var echoes = 0;

        for (var i = 0; i < 1000; i++)
        {
            // CRM changes the name; Connectivity writes it to ERP and the service platform.
            var change = await hub.EditAsync("crm", "customer", id, s => s["name"] = $"Echo AS {i}");
            Assert.Equal(FieldDecisionKind.Accepted, Assert.Single(change.Fields).Kind);

            // ERP reports the record back, with its own modification time: our echo.
            var echo = await hub.EditAsync("erp", "customer", id, static _ => { });
            Assert.NotEqual(ChangeOutcome.Changed, echo.Outcome);
            echoes += echo.Outcome == ChangeOutcome.Echo || echo.Outcome == ChangeOutcome.NoChange ? 1 : 0;
        }

        Assert.Equal(1000, echoes);
        Assert.Equal(writesBefore["crm"], hub.Writes["crm"]);
        Assert.Equal(writesBefore["erp"] + 1000, hub.Writes["erp"]);
        Assert.Equal(writesBefore["service"] + 1000, hub.Writes["service"]);
        hub.AssertConverged(id);
    }

    [Fact]
    public async Task RoundTrip_EchoArrivesAfterNextWrite_DroppedAsEchoNotWrittenBack()
    {
        var hub = new SyncHub { SystemsEchoWrites = false };
        const string id = "cust-late";
        var created = JsonNode.Parse(CanonicalJson.Serialize(new Customer { Id = id, Name = "Late AS", Stage = CustomerStage.Prospect }))!.AsObject();
        await hub.EditAsync("crm", "customer", id, s => s.Merge(created));
        var echoDrops = 0;

        for (var i = 0; i < 1000; i++)
        {
            await hub.EditAsync("crm", "customer", id, s => s["name"] = $"Late AS {i}a");
            var late = hub.StateOf("erp", id).ToJsonString();
            await hub.EditAsync("crm", "customer", id, s => s["name"] = $"Late AS {i}b");

            // ERP's report of the first write arrives after the second write went out.
            var writesToErp = hub.Writes["erp"];
            var echo = await hub.ReceiveAsync("erp", "customer", id, late);

            Assert.Equal(ChangeOutcome.Echo, echo.Outcome);
            Assert.Equal(writesToErp, hub.Writes["erp"]);
            echoDrops++;
        }

        Assert.Equal(1000, echoDrops);
        Assert.Equal(1, hub.Writes["crm"] - 0);
    }
}
