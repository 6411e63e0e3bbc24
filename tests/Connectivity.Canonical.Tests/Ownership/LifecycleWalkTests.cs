using System.Text.Json.Nodes;
using Connectivity.Canonical.Serialization;
using Connectivity.ChangeTracking;

namespace Connectivity.Canonical.Tests.Ownership;

/// <summary>One customer and one work order through their lifecycles, with changes from CRM, ERP and the service platform.</summary>
public sealed class LifecycleWalkTests
{
    private static void AssertDecisions(ChangeDecision decision, params ReadOnlySpan<(string, FieldDecisionKind, string)> expected)
        => Assert.Equal(expected.ToArray(), decision.Fields.Select(static f => (f.FieldPath, f.Kind, f.Owner)).ToArray());

    [Fact]
    public async Task Customer_ProspectToOnHold_OwnershipFollowsStageAndSystemsConverge()
    {
        var hub = new SyncHub();
        const string id = "cust-1";
        var created = JsonNode.Parse(CanonicalJson.Serialize(new Customer
        {
            Id = id,
            Name = "Nordbygg AS",
            Email = "post@nordbygg.no",
            Stage = CustomerStage.Prospect,
            CreditLimit = Money.Of(5000, "NOK"),
        }))!.AsObject();

        // CRM creates the prospect: every value is new.
        var decision = await hub.EditAsync("crm", "customer", id, s => s.Merge(created));
        Assert.Equal(ChangeOutcome.Changed, decision.Outcome);
        Assert.All(decision.Fields, static f => Assert.Equal(FieldDecisionKind.Accepted, f.Kind));
        Assert.Contains(decision.Fields, static f => f.FieldPath == "creditLimit.amount");
        Assert.Equal(1, hub.Writes["erp"]);

        // ERP edits the credit limit of a prospect: CRM owns it, so it is rejected and written back to ERP.
        decision = await hub.EditAsync("erp", "customer", id, s => s["creditLimit"]!["amount"] = 9000);
        AssertDecisions(decision, ("creditLimit.amount", FieldDecisionKind.Rejected, "crm"));
        Assert.Equal("5000", decision.WriteBacks[0].CurrentValue!.Value.GetRawText());
        Assert.Equal(5000, hub.StateOf("erp", id)["creditLimit"]!["amount"]!.GetValue<decimal>());

        // ERP assigns the customer number, which it owns at every stage.
        decision = await hub.EditAsync("erp", "customer", id, s => s["number"] = "10001");
        AssertDecisions(decision, ("number", FieldDecisionKind.Accepted, "erp"));

        // CRM proposes payment terms nobody has set yet: taken as the first value, though ERP owns them.
        decision = await hub.EditAsync("crm", "customer", id, s => s["paymentTerms"] = "NET10");
        AssertDecisions(decision, ("paymentTerms", FieldDecisionKind.Accepted, "erp"));
        Assert.Equal(FieldDecisionReason.FirstValue, decision.Fields[0].Reason);

        // ERP, the owner, changes them; CRM changing them again is rejected and written back.
        decision = await hub.EditAsync("erp", "customer", id, s => s["paymentTerms"] = "NET30");
        AssertDecisions(decision, ("paymentTerms", FieldDecisionKind.Accepted, "erp"));
        decision = await hub.EditAsync("crm", "customer", id, s => s["paymentTerms"] = "NET10");
        AssertDecisions(decision, ("paymentTerms", FieldDecisionKind.Rejected, "erp"));
        Assert.Equal("NET30", (string?)hub.StateOf("crm", id)["paymentTerms"]);

        // CRM raises the limit while still a prospect, then activates; neither write has reached ERP yet.
        decision = await hub.EditAsync("crm", "customer", id, s => s["creditLimit"]!["amount"] = 5500, flush: false);
        AssertDecisions(decision, ("creditLimit.amount", FieldDecisionKind.Accepted, "crm"));
        decision = await hub.EditAsync("crm", "customer", id, s => { s["stage"] = "active"; s["creditLimit"]!["amount"] = 6000; }, flush: false);
        Assert.Equal(("prospect", "active"), (decision.StageBefore, decision.StageAfter));
        AssertDecisions(decision, ("stage", FieldDecisionKind.Accepted, "crm"), ("creditLimit.amount", FieldDecisionKind.Rejected, "erp"));

        // ERP, now the owner, sets its own limit without having seen CRM's 5500: both changed since ERP's base.
        decision = await hub.EditAsync("erp", "customer", id, s => s["creditLimit"]!["amount"] = 8000);
        AssertDecisions(decision, ("creditLimit.amount", FieldDecisionKind.Conflict, "erp"));
        var conflict = Assert.Single(await hub.Conflicts.ListAsync("customer", id));
        Assert.Equal(("5000", "5500", "8000", "erp", "active"), (conflict.BaseValue, conflict.CurrentValue, conflict.IncomingValue, conflict.Owner, conflict.Stage));

        // A person settles it for ERP's value; everyone gets it.
        await hub.ResolveAsync(conflict, conflict.IncomingValue, "customer", id);
        Assert.Empty(await hub.Conflicts.ListAsync("customer", id));

        // From now on ERP's changes to the limit are accepted, CRM's rejected.
        decision = await hub.EditAsync("erp", "customer", id, s => s["creditLimit"]!["amount"] = 9000);
        AssertDecisions(decision, ("creditLimit.amount", FieldDecisionKind.Accepted, "erp"));
        decision = await hub.EditAsync("crm", "customer", id, s => s["creditLimit"]!["amount"] = 1);
        AssertDecisions(decision, ("creditLimit.amount", FieldDecisionKind.Rejected, "erp"));

        // CRM still owns the contact data of an active customer; the service platform does not.
        decision = await hub.EditAsync("crm", "customer", id, s => s["email"] = "ap@nordbygg.no");
        AssertDecisions(decision, ("email", FieldDecisionKind.Accepted, "crm"));
        decision = await hub.EditAsync("service", "customer", id, s => s["phone"] = "+47 22 00 00 00");
        AssertDecisions(decision, ("phone", FieldDecisionKind.Accepted, "crm"));
        Assert.Equal(FieldDecisionReason.FirstValue, decision.Fields[0].Reason);
        decision = await hub.EditAsync("service", "customer", id, s => s["phone"] = "+47 22 11 11 11");
        AssertDecisions(decision, ("phone", FieldDecisionKind.Rejected, "crm"));

        // ERP puts the customer on hold; CRM cannot take it off hold, since ERP owns the stage once active.
        decision = await hub.EditAsync("erp", "customer", id, s => s["stage"] = "onHold");
        AssertDecisions(decision, ("stage", FieldDecisionKind.Accepted, "erp"));
        decision = await hub.EditAsync("crm", "customer", id, s => s["stage"] = "active");
        AssertDecisions(decision, ("stage", FieldDecisionKind.Rejected, "erp"));

        // The converged end state.
        hub.AssertConverged(id);
        var final = hub.Canonical(id);
        Assert.Equal("onHold", (string?)final["stage"]);
        Assert.Equal(9000, final["creditLimit"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("10001", (string?)final["number"]);
        Assert.Equal("ap@nordbygg.no", (string?)final["email"]);
        Assert.Equal("+47 22 00 00 00", (string?)final["phone"]);
        Assert.Equal("NET30", (string?)final["paymentTerms"]);
    }

    [Fact]
    public async Task WorkOrder_NewToCompleted_ServiceOwnsStatusFromDispatchAndSystemsConverge()
    {
        var hub = new SyncHub();
        const string id = "wo-1";
        var window = new JsonObject { ["start"] = "2026-03-10T08:00:00+00:00", ["end"] = "2026-03-10T12:00:00+00:00" };
        var created = JsonNode.Parse(CanonicalJson.Serialize(new WorkOrder
        {
            Id = id,
            Number = "WO-1",
            Summary = "Boiler service",
            CustomerId = "cust-1",
            Stage = WorkOrderStage.New,
        }))!.AsObject();

        var decision = await hub.EditAsync("crm", "workOrder", id, s => s.Merge(created));
        Assert.All(decision.Fields, static f => Assert.Equal(FieldDecisionKind.Accepted, f.Kind));

        // The service platform may not rewrite the summary: CRM owns it.
        decision = await hub.EditAsync("service", "workOrder", id, s => s["summary"] = "Boiler repair");
        AssertDecisions(decision, ("summary", FieldDecisionKind.Rejected, "crm"));
        Assert.Equal("Boiler service", (string?)hub.StateOf("service", id)["summary"]);

        // CRM schedules and dispatches; the writes have not reached the service platform yet.
        decision = await hub.EditAsync("crm", "workOrder", id, s => { s["stage"] = "scheduled"; s["scheduledWindow"] = window.DeepClone(); }, flush: false);
        AssertDecisions(
            decision,
            ("stage", FieldDecisionKind.Accepted, "crm"),
            ("scheduledWindow.start", FieldDecisionKind.Accepted, "crm"),
            ("scheduledWindow.end", FieldDecisionKind.Accepted, "crm"));
        decision = await hub.EditAsync("crm", "workOrder", id, s => s["stage"] = "dispatched", flush: false);
        AssertDecisions(decision, ("stage", FieldDecisionKind.Accepted, "crm"));

        // The service platform, which owns the window from dispatch on, moves it without having seen CRM's.
        decision = await hub.EditAsync("service", "workOrder", id, s => s["scheduledWindow"] = new JsonObject { ["start"] = "2026-03-11T08:00:00+00:00", ["end"] = "2026-03-11T12:00:00+00:00" });
        Assert.All(decision.Fields, static f => Assert.Equal((FieldDecisionKind.Conflict, "service", "dispatched"), (f.Kind, f.Owner, f.Stage)));
        var conflicts = await hub.Conflicts.ListAsync("workOrder", id);
        Assert.Equal(2, conflicts.Count);
        foreach (var conflict in conflicts)
        {
            Assert.Null(conflict.BaseValue);
            await hub.ResolveAsync(conflict, conflict.IncomingValue, "workOrder", id);
        }

        // After dispatch CRM can no longer move the window or the status.
        decision = await hub.EditAsync("crm", "workOrder", id, s => s["scheduledWindow"]!["start"] = "2026-03-12T08:00:00+00:00");
        AssertDecisions(decision, ("scheduledWindow.start", FieldDecisionKind.Rejected, "service"));
        decision = await hub.EditAsync("crm", "workOrder", id, s => s["stage"] = "cancelled");
        AssertDecisions(decision, ("stage", FieldDecisionKind.Rejected, "service"));

        // The service platform assigns a technician and starts the work.
        decision = await hub.EditAsync("service", "workOrder", id, s =>
        {
            s["stage"] = "inProgress";
            s["assignedTechnician"] = new JsonObject { ["name"] = "Kari Nordmann" };
        });
        AssertDecisions(decision, ("stage", FieldDecisionKind.Accepted, "service"), ("assignedTechnician.name", FieldDecisionKind.Accepted, "service"));

        // ERP cannot cancel a work order in progress.
        decision = await hub.EditAsync("erp", "workOrder", id, s => s["stage"] = "cancelled");
        AssertDecisions(decision, ("stage", FieldDecisionKind.Rejected, "service"));

        // The service platform books labour and completes; it cannot skip back to new.
        decision = await hub.EditAsync("service", "workOrder", id, s =>
        {
            s["stage"] = "completed";
            s["completedAt"] = "2026-03-11T11:30:00+00:00";
            s["labourLines"] = new JsonArray(new JsonObject { ["technician"] = "Kari Nordmann", ["hours"] = 3.5 });
        });
        Assert.All(decision.Fields, static f => Assert.Equal((FieldDecisionKind.Accepted, "service"), (f.Kind, f.Owner)));
        Assert.Contains(decision.Fields, static f => f.FieldPath == "labourLines[0].hours");
        decision = await hub.EditAsync("service", "workOrder", id, s => s["stage"] = "new");
        Assert.Equal(FieldDecisionReason.TransitionNotAllowed, Assert.Single(decision.Fields).Reason);

        hub.AssertConverged(id);
        var final = hub.Canonical(id);
        Assert.Equal("completed", (string?)final["stage"]);
        Assert.Equal("2026-03-11T08:00:00+00:00", (string?)final["scheduledWindow"]!["start"]);
        Assert.Equal("Kari Nordmann", (string?)final["assignedTechnician"]!["name"]);
        Assert.Equal("Boiler service", (string?)final["summary"]);
        Assert.Empty(await hub.Conflicts.ListAsync("workOrder", id));
    }
}
