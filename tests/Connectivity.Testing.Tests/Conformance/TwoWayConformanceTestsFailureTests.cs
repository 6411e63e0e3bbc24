using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Conformance;
using Xunit.Sdk;

namespace Connectivity.Testing.Tests.Conformance;

/// <summary>The kit's checks fail, naming what is wrong, for connectors that are broken on purpose.</summary>
public sealed class TwoWayConformanceTestsFailureTests
{
    [Fact]
    public async Task Replay_WriterCreatesOnEveryCall_FailsNamingTheExtraRecords()
    {
        var kit = new CreatesOnEveryCall();

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.Replay_SameMessageDeliveredTwice_OneRecordInTarget);

        Assert.Contains("left 3 new records in service", failure.Message, StringComparison.Ordinal);
        Assert.Contains("must not create another record", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_WriterChangesWhatItWrites_FailsNamingTheFurtherWrite()
    {
        var kit = new ShoutsTheSummary();

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.Echo_SystemReportsOurWrite_NoFurtherWrite);

        Assert.Contains("service/workOrder/service-workOrder-0001 reported it back and the flow wrote again", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ownership_EditThatChangesNothing_FailsNamingTheField()
    {
        var kit = new EditsNothing();

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.Ownership_ChangeAtEachStage_OwnedAcceptedOthersRejectedAndWrittenBack);

        Assert.Contains("the edit of 'summary' does not change 'summary'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_ReaderSkipsTiesAfterItsCursor_FailsNamingTheLostRecords()
    {
        var kit = new LosesTies();

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.Checkpoint_PagesOfRecordsWithEqualTimestamps_NothingLostOrRepeated);

        Assert.Contains("never read service-workOrder-0004", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParentsBeforeChildren_WriterIgnoresTheParentId_FailsNamingTheField()
    {
        var kit = new DropsTheParent();

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.ParentsBeforeChildren_ChildBeforeParent_WaitsThenWrittenWithTargetsParentId);

        Assert.Contains("with 'customerId' = \"unknown\"; expected its customer's id in service", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A writer without any idempotency: every call is a new record.</summary>
    private sealed class CreatesOnEveryCall : FakeServiceWorkOrderConnector
    {
        protected override IDestinationWriter CreateWriter() => Target.Writer("service-work-orders", "workOrder", static o => o.HonoursIdempotencyKey = false);
    }

    /// <summary>A writer that writes the summary in capitals, so its report never matches what was written.</summary>
    private sealed class ShoutsTheSummary : FakeServiceWorkOrderConnector
    {
        protected override IDestinationWriter CreateWriter() => new Rewriting(base.CreateWriter(), static p => p["summary"] = p["summary"]?.GetValue<string>().ToUpperInvariant());
    }

    /// <summary>A writer that writes a made-up parent id.</summary>
    private sealed class DropsTheParent : FakeServiceWorkOrderConnector
    {
        protected override IDestinationWriter CreateWriter() => new Rewriting(base.CreateWriter(), static p => p["customerId"] = "unknown");
    }

    /// <summary>An edit that sets the summary to what it already is.</summary>
    private sealed class EditsNothing : FakeServiceWorkOrderConnector
    {
        protected override IReadOnlyDictionary<string, Action<JsonObject>> Edits { get; } = new Dictionary<string, Action<JsonObject>>
        {
            ["summary"] = static p => p["summary"] = p["summary"]?.DeepClone(),
        };
    }

    /// <summary>A reader whose cursor is the modification time alone: records that tie with the last one read are skipped.</summary>
    private sealed class LosesTies : FakeServiceWorkOrderConnector
    {
        protected override ValueTask<ConformancePage?> ReadChangesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
        {
            var after = cursor is null ? long.MinValue : long.Parse(cursor, CultureInfo.InvariantCulture);
            var records = Target.Records("workOrder").Where(r => r.ModifiedAt.UtcTicks > after).OrderBy(static r => r.ModifiedAt).ToList();
            var page = records.Take(pageSize).ToList();
            var next = page.Count == 0 ? cursor : page[^1].ModifiedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
            return ValueTask.FromResult<ConformancePage?>(new ConformancePage([.. page.Select(static r => new ConformanceRecord(r.RemoteId, r.CanonicalJson))], next, records.Count > pageSize));
        }
    }

    private sealed class Rewriting(IDestinationWriter inner, Action<JsonObject> rewrite) : IDestinationWriter
    {
        public string Destination => inner.Destination;

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var payload = JsonNode.Parse(message.Payload.Span)!.AsObject();
            rewrite(payload);
            return inner.WriteAsync(new OutboxMessage(message.Id, message.Destination, Encoding.UTF8.GetBytes(payload.ToJsonString()), message.EntityKey, message.Headers), cancellationToken);
        }
    }
}
