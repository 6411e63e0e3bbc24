using System.Diagnostics.Metrics;
using System.Text.Json;
using Connectivity.ChangeTracking;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.ChangeTracking;

public sealed class ChangeDeciderTests
{
    private const string Base = """{"id":"t1","version":1,"stage":"open","title":"Printer","priority":"low","notes":"n","lines":[{"text":"a","amount":10}],"address":{"city":"Oslo"}}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryBaseSnapshotStore _bases = new();
    private readonly InMemoryConflictStore _conflicts = new();
    private readonly InMemoryEchoFingerprintStore _echoes;
    private readonly ChangeDecider _decider;

    public ChangeDeciderTests()
    {
        _echoes = new InMemoryEchoFingerprintStore(_time);
        _decider = new ChangeDecider(TestCatalog.Policy, _bases, _echoes, _conflicts, _time);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static string With(string json, Action<Dictionary<string, object?>> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var values = new Dictionary<string, object?>();
        change(values);
        foreach (var (key, value) in values)
        {
            node[key] = value is null ? null : System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web));
        }

        return node.ToJsonString();
    }

    private async Task SyncedAsync(params string[] systems)
    {
        foreach (var system in systems)
        {
            await _decider.RecordWriteAsync(system, "ticket", "t1", Json(Base));
        }
    }

    [Theory]
    [InlineData(false, FieldDecisionKind.Conflict)]
    [InlineData(true, FieldDecisionKind.Accepted)]
    public async Task DecideAsync_OwnerReportsFieldItsBaseLacks_ConflictUnlessTheFieldIsNeverSentToIt(bool neverSent, FieldDecisionKind expected)
    {
        var current = Json(With(Base, v => v["stage"] = "triaged"));

        var decision = await _decider.DecideAsync(
            "ops", "ticket", "t1", Json("""{"priority":"high"}"""), current, notSentToSender: path => neverSent && path == "priority");

        var field = Assert.Single(decision.Fields);
        Assert.Equal(("priority", expected, "ops"), (field.FieldPath, field.Kind, field.Owner));
    }

    [Fact]
    public async Task DecideAsync_SenderTouchedRecordOnly_NoChange()
    {
        await _decider.DecideAsync("desk", "ticket", "t1", Json(Base), Json(Base));

        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => v["version"] = 2)), Json(Base));

        Assert.Equal(ChangeOutcome.NoChange, decision.Outcome);
        Assert.Empty(decision.Fields);
    }

    [Fact]
    public async Task DecideAsync_SenderReportsWhatWeWrote_Echo()
    {
        await SyncedAsync("desk");

        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => v["version"] = 2)), Json(Base));

        Assert.Equal(ChangeOutcome.Echo, decision.Outcome);
    }

    [Fact]
    public async Task DecideAsync_OwnerChangesField_Accepted()
    {
        await SyncedAsync("desk");

        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => v["title"] = "Laser printer")), Json(Base));

        var field = Assert.Single(decision.Fields);
        Assert.Equal(("title", FieldDecisionKind.Accepted, FieldDecisionReason.SenderOwnsField, "desk", "open"), (field.FieldPath, field.Kind, field.Reason, field.Owner, field.Stage));
        Assert.Equal("\"Printer\"", field.BaseValue!.Value.GetRawText());
        Assert.Equal("\"Laser printer\"", field.IncomingValue!.Value.GetRawText());
        Assert.Null(field.ErrorCode);
        using var applied = JsonDocument.Parse(decision.ApplyTo(Json(Base)));
        Assert.Equal("Laser printer", applied.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DecideAsync_NonOwnerChangesField_RejectedWithWriteBack()
    {
        await SyncedAsync("ops");

        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(With(Base, v => v["title"] = "Scanner")), Json(Base));

        var field = Assert.Single(decision.WriteBacks);
        Assert.Equal((FieldDecisionKind.Rejected, "desk", "CNX2020"), (field.Kind, field.Owner, field.ErrorCode));
        Assert.Equal("\"Printer\"", field.CurrentValue!.Value.GetRawText());
        Assert.Empty(decision.Accepted);
    }

    [Fact]
    public async Task DecideAsync_OwnerChangedFieldAlsoChangedCanonically_ConflictStored()
    {
        await SyncedAsync("desk");
        var current = With(Base, v => v["title"] = "Copier");

        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => v["title"] = "Scanner")), Json(current));

        var field = Assert.Single(decision.Conflicts);
        Assert.Equal(("title", FieldDecisionReason.ChangedOnBothSides, "CNX2021"), (field.FieldPath, field.Reason, field.ErrorCode));
        var stored = Assert.Single(await _conflicts.ListAsync("ticket", "t1"));
        Assert.Equal(("\"Printer\"", "\"Copier\"", "\"Scanner\"", "desk", "open"), (stored.BaseValue, stored.CurrentValue, stored.IncomingValue, stored.Owner, stored.Stage));
    }

    [Fact]
    public async Task DecideAsync_ArrayMemberChanged_DecidedPerElementPath()
    {
        await SyncedAsync("billing");
        var incoming = Base.Replace("\"amount\":10", "\"amount\":12", StringComparison.Ordinal).Replace("\"text\":\"a\"", "\"text\":\"b\"", StringComparison.Ordinal);

        var decision = await _decider.DecideAsync("billing", "ticket", "t1", Json(incoming), Json(Base));

        Assert.Equal(
            [("lines[0].amount", FieldDecisionKind.Accepted), ("lines[0].text", FieldDecisionKind.Rejected)],
            decision.Fields.Select(static f => (f.FieldPath, f.Kind)).Order());
    }

    [Fact]
    public async Task DecideAsync_StageChange_NewStageOwnershipAppliesToSameMessage()
    {
        await SyncedAsync("desk", "ops");

        // desk triages the ticket and, in the same message, sets the priority: ops owns priority once triaged.
        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => { v["stage"] = "triaged"; v["priority"] = "high"; })), Json(Base));

        Assert.Equal(("open", "triaged"), (decision.StageBefore, decision.StageAfter));
        Assert.Equal(("stage", FieldDecisionKind.Accepted), (decision.Fields[0].FieldPath, decision.Fields[0].Kind));
        Assert.Equal(("priority", FieldDecisionKind.Rejected, "ops", "triaged"), (decision.Fields[1].FieldPath, decision.Fields[1].Kind, decision.Fields[1].Owner, decision.Fields[1].Stage));
    }

    [Fact]
    public async Task DecideAsync_StageChangeNotAllowedByLifecycle_Rejected()
    {
        await SyncedAsync("ops");
        var closed = With(Base, v => v["stage"] = "closed");
        await _decider.RecordWriteAsync("ops", "ticket", "t1", Json(closed));

        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(With(Base, v => v["stage"] = "triaged")), Json(closed));

        var field = Assert.Single(decision.Fields);
        Assert.Equal((FieldDecisionKind.Rejected, FieldDecisionReason.TransitionNotAllowed, "CNX2023"), (field.Kind, field.Reason, field.ErrorCode));
        Assert.Equal("closed", decision.StageAfter);
    }

    [Fact]
    public async Task DecideAsync_StageChangeBySystemNotOwningStage_Rejected()
    {
        await SyncedAsync("ops");

        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(With(Base, v => v["stage"] = "triaged")), Json(Base));

        Assert.Equal((FieldDecisionKind.Rejected, FieldDecisionReason.SenderDoesNotOwnField), (decision.Fields[0].Kind, decision.Fields[0].Reason));
        Assert.Equal("open", decision.StageAfter);
    }

    [Fact]
    public async Task DecideAsync_NewRecord_FirstValuesAcceptedFromAnySender()
    {
        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(Base), current: null);

        Assert.Equal(ChangeOutcome.Changed, decision.Outcome);
        Assert.All(decision.Fields, static f => Assert.Equal(FieldDecisionKind.Accepted, f.Kind));
        Assert.Contains(decision.Fields, static f => f.FieldPath == "title" && f.Reason == FieldDecisionReason.FirstValue);
        Assert.Contains(decision.Fields, static f => f.FieldPath == "address.city" && f.Reason == FieldDecisionReason.SenderOwnsField);
        Assert.Null(decision.StageBefore);
    }

    [Fact]
    public async Task DecideAsync_OlderVersionThanSeen_Stale()
    {
        await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => v["version"] = 5)), Json(Base));

        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => { v["version"] = 4; v["title"] = "Old"; })), Json(Base));

        Assert.Equal(ChangeOutcome.Stale, decision.Outcome);
        Assert.Empty(decision.Fields);
    }

    [Fact]
    public async Task DecideAsync_OlderModificationTimeThanSeen_Stale()
    {
        await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => v["modifiedAt"] = "2026-01-05T10:00:00Z")), Json(Base));

        var decision = await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => { v["modifiedAt"] = "2026-01-05T09:59:00Z"; v["title"] = "Old"; })), Json(Base));

        Assert.Equal(ChangeOutcome.Stale, decision.Outcome);
    }

    [Fact]
    public async Task DecideAsync_DelayedEchoOfEarlierWrite_Dropped()
    {
        var first = With(Base, v => v["title"] = "B");
        var second = With(Base, v => v["title"] = "C");
        await _decider.RecordWriteAsync("ops", "ticket", "t1", Json(first));
        await _decider.RecordWriteAsync("ops", "ticket", "t1", Json(second));

        // ops reports the first write after the second was made: without the guard this would look like ops reverting the title.
        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(first), Json(second));

        Assert.Equal(ChangeOutcome.Echo, decision.Outcome);
        Assert.True(decision.EchoedFields > 0);
    }

    [Fact]
    public async Task DecideAsync_EchoExpired_TreatedAsChange()
    {
        var first = With(Base, v => v["title"] = "B");
        var second = With(Base, v => v["title"] = "C");
        await _decider.RecordWriteAsync("ops", "ticket", "t1", Json(first));
        await _decider.RecordWriteAsync("ops", "ticket", "t1", Json(second));
        _time.Advance(TimeSpan.FromHours(1));

        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(first), Json(second));

        Assert.Equal(ChangeOutcome.Changed, decision.Outcome);
        Assert.Equal(FieldDecisionKind.Rejected, Assert.Single(decision.Fields).Kind);
    }

    [Fact]
    public async Task DecideAsync_Conflict_RaisedAgainUntilBaseMoves()
    {
        await SyncedAsync("desk");
        var current = With(Base, v => v["title"] = "Copier");
        var incoming = Json(With(Base, v => v["title"] = "Scanner"));

        await _decider.DecideAsync("desk", "ticket", "t1", incoming, Json(current));
        var again = await _decider.DecideAsync("desk", "ticket", "t1", incoming, Json(current));

        Assert.Single(again.Conflicts);
        Assert.Single(await _conflicts.ListAsync("ticket", "t1"));
    }

    [Fact]
    public async Task DecideAsync_Decisions_CountedUnderConnectivityMeter()
    {
        var measurements = new List<(string Instrument, long Value, string? Decision)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = static (instrument, l) =>
        {
            if (instrument.Meter.Name == "Connectivity")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? decision = null;
            var mine = false;
            foreach (var tag in tags)
            {
                decision = tag.Key == "decision" ? tag.Value as string : decision;
                mine |= tag.Key == "entity.type" && (string?)tag.Value == "ticket" && true;
            }

            if (mine)
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, decision));
                }
            }
        });
        listener.Start();
        await SyncedAsync("desk");

        await _decider.DecideAsync("desk", "ticket", "t1", Json(With(Base, v => { v["title"] = "Scanner"; v["notes"] = "x"; })), Json(With(Base, v => v["title"] = "Copier")));

        lock (measurements)
        {
            Assert.Contains(measurements, static m => m.Instrument == "connectivity.ownership.conflicts" && m.Value == 1);
            Assert.Contains(measurements, static m => m.Instrument == "connectivity.ownership.field_decisions" && m.Decision == "accepted" && m.Value == 1);
            Assert.Contains(measurements, static m => m.Instrument == "connectivity.ownership.field_decisions" && m.Decision == "conflict" && m.Value == 1);
            Assert.Contains(measurements, static m => m.Instrument == "connectivity.ownership.records");
        }
    }

    [Fact]
    public async Task DecideAsync_UnknownSystem_Throws()
        => await Assert.ThrowsAsync<ArgumentException>(async () => await _decider.DecideAsync("sales", "ticket", "t1", Json(Base), null));

    [Fact]
    public async Task RecordWriteAsync_PartialWrite_MergedIntoBase()
    {
        await SyncedAsync("ops");
        await _decider.RecordWriteAsync("ops", "ticket", "t1", Json("""{"notes":"written"}"""));

        var decision = await _decider.DecideAsync("ops", "ticket", "t1", Json(With(Base, v => v["notes"] = "written")), Json(With(Base, v => v["notes"] = "written")));

        Assert.NotEqual(ChangeOutcome.Changed, decision.Outcome);
        var snapshot = await _bases.GetAsync(new RecordKey("ops", "ticket", "t1"));
        using var stored = JsonDocument.Parse(snapshot!.Utf8Json);
        Assert.Equal("Printer", stored.RootElement.GetProperty("title").GetString());
    }
}
