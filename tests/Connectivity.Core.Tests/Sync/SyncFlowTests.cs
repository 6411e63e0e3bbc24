using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.ChangeTracking;
using Connectivity.Core.Tests.Outbox;
using Connectivity.Delivery;
using Connectivity.Identity;
using Connectivity.Outbox;
using Connectivity.Sync;

namespace Connectivity.Core.Tests.Sync;

public sealed class SyncFlowTests
{
    private readonly SyncTestDomain _domain = new();

    private static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static JsonObject Payload(OutboxMessage message) => JsonNode.Parse(message.Payload.Span)!.AsObject();

    private ValueTask<SyncResult> DeskAccountAsync(string key, string json, string? deliveryId = null)
        => _domain.Flow.ProcessPayloadAsync("desk", "account", key, Utf8(json), deliveryId);

    private ValueTask<SyncResult> BillingAccountAsync(string key, string json, string? deliveryId = null, string? hint = null)
        => _domain.Flow.ProcessPayloadAsync("billing", "account", key, Utf8(json), deliveryId, hint);

    /// <summary>Delivers every queued message through the flow's destinations to recording writers, as the dispatcher would.</summary>
    private async Task<List<(OutboxMessage Message, DeliveryResult Result)>> DeliverAsync(RecordingWriter desk, RecordingWriter billing, RecordingWriter tickets)
    {
        var results = new List<(OutboxMessage, DeliveryResult)>();
        foreach (var message in await _domain.ClaimAllAsync())
        {
            var parts = message.Destination.Split('/');
            var inner = parts[1] == "desk" ? desk : parts[2] == "ticket" ? tickets : billing;
            var writer = _domain.DestinationFor(parts[1], parts[2], inner);
            results.Add((message, await writer.WriteAsync(message, CancellationToken.None)));
        }

        return results;
    }

    [Fact]
    public async Task ProcessPayloadAsync_NewRecord_CreatesCanonicalRecordAndQueuesItForTheOtherSystem()
    {
        var result = await DeskAccountAsync("D1", """{"label":"Acme","limit":100}""");

        Assert.Equal(SyncOutcome.Applied, result.Outcome);
        Assert.Equal(["billing"], result.Destinations);
        var canonical = await _domain.Flow.GetCanonicalAsync("account", result.CanonicalId!);
        Assert.Equal("Acme", canonical!.Value.GetProperty("name").GetString());
        Assert.Equal(result.CanonicalId, canonical.Value.GetProperty("id").GetString());
        var message = Assert.Single(await _domain.ClaimAllAsync());
        Assert.Equal("sync/billing/account", message.Destination);
        Assert.Equal($"account/{result.CanonicalId}", message.EntityKey);
        Assert.Equal(result.CanonicalId, message.Headers[SyncFlowDefinition.CanonicalIdHeader]);
        Assert.Equal(100, Payload(message)["creditLimit"]!.GetValue<int>());
    }

    [Fact]
    public async Task ProcessPayloadAsync_SameDeliveryTwice_SecondIsDuplicateAndQueuesNothing()
    {
        await DeskAccountAsync("D1", """{"label":"Acme"}""", "evt-1");
        await _domain.ClaimAllAsync();

        var again = await DeskAccountAsync("D1", """{"label":"Acme renamed"}""", "evt-1");

        Assert.Equal(SyncOutcome.Duplicate, again.Outcome);
        Assert.Empty(await _domain.ClaimAllAsync());
    }

    [Fact]
    public async Task ProcessPayloadAsync_SenderChangesFieldItDoesNotOwn_RejectedAndOwnersValueWrittenBack()
    {
        var desk = new RecordingWriter("desk-writer");
        var billing = new RecordingWriter("billing-writer");
        var created = await DeskAccountAsync("D1", """{"label":"Acme","limit":100}""");
        await DeliverAsync(desk, billing, new RecordingWriter("billing-tickets"));
        var fromBilling = await BillingAccountAsync(billing.RemoteIdOf(created.CanonicalId!), """{"title":"Acme","credit":200}""");
        Assert.Equal(SyncOutcome.Applied, fromBilling.Outcome);
        Assert.Equal(["desk"], fromBilling.Destinations);
        await DeliverAsync(desk, billing, new RecordingWriter("billing-tickets"));

        var fromDesk = await DeskAccountAsync("D1", """{"label":"Acme","limit":300}""");

        var rejected = Assert.Single(fromDesk.Decision!.Rejected);
        Assert.Equal("creditLimit", rejected.FieldPath);
        Assert.Equal("billing", rejected.Owner);
        Assert.Equal(["desk"], fromDesk.Destinations);
        var writeBack = Assert.Single(await _domain.ClaimAllAsync());
        Assert.Equal("sync/desk/account", writeBack.Destination);
        Assert.Equal(200, Payload(writeBack)["creditLimit"]!.GetValue<int>());
        var canonical = await _domain.Flow.GetCanonicalAsync("account", created.CanonicalId!);
        Assert.Equal(200, canonical!.Value.GetProperty("creditLimit").GetInt32());
    }

    [Fact]
    public async Task ProcessPayloadAsync_ChildBeforeParent_ParentLaterGetsTheSameCanonicalId()
    {
        var ticket = await _domain.Flow.ProcessPayloadAsync("desk", "ticket", "T1", Utf8("""{"subject":"Broken","account":"D9"}"""));
        var placeholder = (await _domain.Flow.GetCanonicalAsync("ticket", ticket.CanonicalId!))!.Value.GetProperty("accountId").GetString();

        var account = await DeskAccountAsync("D9", """{"label":"Late parent"}""");

        Assert.Equal(placeholder, account.CanonicalId);
    }

    [Fact]
    public async Task WriteAsync_ParentNotYetInTarget_TransientUntilParentIsWrittenThenUsesTargetsId()
    {
        var billingTickets = new RecordingWriter("billing-tickets");
        var billing = new RecordingWriter("billing-writer");
        await _domain.Flow.ProcessPayloadAsync("desk", "ticket", "T1", Utf8("""{"subject":"Broken","account":"D9"}"""));
        var ticketMessage = Assert.Single(await _domain.ClaimAllAsync());
        var ticketWriter = _domain.DestinationFor("billing", "ticket", billingTickets);

        var early = await ticketWriter.WriteAsync(ticketMessage, CancellationToken.None);
        var account = await DeskAccountAsync("D9", """{"label":"Parent"}""");
        var accountMessage = Assert.Single(await _domain.ClaimAllAsync());
        await _domain.DestinationFor("billing", "account", billing).WriteAsync(accountMessage, CancellationToken.None);
        var late = await ticketWriter.WriteAsync(ticketMessage, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.TransientFailure, early.Outcome);
        Assert.Equal(SyncErrorCodes.ParentNotInTarget, early.ErrorCode);
        Assert.InRange(early.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryOutcome.Delivered, late.Outcome);
        var written = Assert.Single(billingTickets.Written);
        Assert.Equal(billing.RemoteIdOf(account.CanonicalId!), written["accountId"]!.GetValue<string>());
        var ticketId = ticketMessage.Headers[SyncFlowDefinition.CanonicalIdHeader];
        Assert.Equal(ticketId, await _domain.Identity.FindAsync(new RemoteKey("billing", "ticket", billingTickets.RemoteIdOf(ticketId))));
    }

    [Fact]
    public async Task ProcessPayloadAsync_TargetReportsOurWriteBack_NothingQueued()
    {
        var billing = new RecordingWriter("billing-writer");
        var created = await DeskAccountAsync("D1", """{"label":"Acme","limit":100}""");
        await DeliverAsync(new RecordingWriter("desk-writer"), billing, new RecordingWriter("billing-tickets"));

        var echo = await BillingAccountAsync(billing.RemoteIdOf(created.CanonicalId!), """{"title":"Acme","credit":100}""");

        Assert.Contains(echo.Outcome, new[] { SyncOutcome.Echo, SyncOutcome.NoChange });
        Assert.Empty(echo.Destinations);
        Assert.Empty(await _domain.ClaimAllAsync());
    }

    [Fact]
    public async Task ProcessPayloadAsync_OlderThanSeen_StaleAndNothingChanges()
    {
        await DeskAccountAsync("D1", """{"label":"New name","changed":"2026-11-25T10:00:00Z"}""");
        await _domain.ClaimAllAsync();

        var old = await DeskAccountAsync("D1", """{"label":"Old name","changed":"2026-11-25T09:00:00Z"}""");

        Assert.Equal(SyncOutcome.Stale, old.Outcome);
        Assert.Equal("New name", (await _domain.Flow.GetCanonicalAsync("account", old.CanonicalId!))!.Value.GetProperty("name").GetString());
        Assert.Empty(await _domain.ClaimAllAsync());
    }

    [Fact]
    public async Task ProcessPayloadAsync_UnknownRemoteIdWithCanonicalIdHint_LinksToTheExistingRecord()
    {
        var created = await DeskAccountAsync("D1", """{"label":"Acme"}""");

        var reported = await BillingAccountAsync("B-77", """{"title":"Acme"}""", hint: created.CanonicalId);

        Assert.Equal(created.CanonicalId, reported.CanonicalId);
        Assert.Equal(created.CanonicalId, await _domain.Identity.FindAsync(new RemoteKey("billing", "account", "B-77")));
    }

    [Fact]
    public async Task ProcessAsync_NotJson_InvalidNamingTheRecordAndNothingStored()
    {
        var result = await _domain.Flow.ProcessAsync(new SyncRecord("desk", "account", "D1", Utf8("{\"name\":")) { DeliveryId = "evt-1" });

        Assert.Equal(SyncOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(SyncErrorCodes.InvalidRecord, error, StringComparison.Ordinal);
        Assert.Contains("desk/account/D1", error, StringComparison.Ordinal);
        Assert.Null(await _domain.Identity.FindAsync(new RemoteKey("desk", "account", "D1")));
        Assert.Equal(SyncOutcome.Applied, (await DeskAccountAsync("D1", """{"label":"Acme"}""", "evt-1")).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_OutboxFailsInsideTheTransaction_NothingIsKeptAndTheDeliveryCanBeRetried()
    {
        var failing = new SyncFlow(_domain.Definition, _domain.Decider, _domain.Identity, _domain.Snapshots, new FailingOutbox(_domain.Outbox), _domain.Inbox, _domain.Transactions);

        await Assert.ThrowsAsync<IOException>(async () => await failing.ProcessPayloadAsync("desk", "account", "D1", Utf8("""{"label":"Acme"}"""), "evt-1"));

        Assert.Null(await _domain.Identity.FindAsync(new RemoteKey("desk", "account", "D1")));
        var retried = await DeskAccountAsync("D1", """{"label":"Acme"}""", "evt-1");
        Assert.Equal(SyncOutcome.Applied, retried.Outcome);
        Assert.Single(await _domain.ClaimAllAsync());
    }

    [Fact]
    public async Task ProcessPayloadAsync_InCallersTransaction_KeptOnlyWhenTheCallerCommits()
    {
        var rolledBack = await _domain.Transactions.BeginTransactionAsync();
        await _domain.Flow.ProcessPayloadAsync("desk", "account", "D1", Utf8("""{"label":"Acme"}"""), transaction: rolledBack);
        await rolledBack.DisposeAsync();
        Assert.Null(await _domain.Identity.FindAsync(new RemoteKey("desk", "account", "D1")));
        Assert.Empty(await _domain.ClaimAllAsync());

        await using var committed = await _domain.Transactions.BeginTransactionAsync();
        var result = await _domain.Flow.ProcessPayloadAsync("desk", "account", "D1", Utf8("""{"label":"Acme"}"""), transaction: committed);
        await committed.CommitAsync();

        Assert.Equal(result.CanonicalId, await _domain.Identity.FindAsync(new RemoteKey("desk", "account", "D1")));
        Assert.Single(await _domain.ClaimAllAsync());
    }

    [Fact]
    public async Task ReconcileAsync_SystemsAgree_CleanReport()
    {
        var billing = new RecordingWriter("billing-writer");
        var created = await DeskAccountAsync("D1", """{"label":"Acme","limit":100}""");
        await DeliverAsync(new RecordingWriter("desk-writer"), billing, new RecordingWriter("billing-tickets"));

        var report = await _domain.Reconciler.ReconcileAsync(
        [
            new ListSource("desk", "account", ("D1", """{"name":"Acme","creditLimit":100}""")),
            new ListSource("billing", "account", (billing.RemoteIdOf(created.CanonicalId!), """{"name":"Acme","creditLimit":100}""")),
        ]);

        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Issues));
        Assert.Equal(2, report.RecordsCompared);
        Assert.Equal(4, report.FieldsCompared);
    }

    [Fact]
    public async Task ReconcileAsync_DriftAndMissingRecord_ReportedWithOwnerAndRepairQueued()
    {
        var billing = new RecordingWriter("billing-writer");
        var first = await DeskAccountAsync("D1", """{"label":"Acme","limit":100}""");
        var second = await DeskAccountAsync("D2", """{"label":"Globex"}""");
        await DeliverAsync(new RecordingWriter("desk-writer"), billing, new RecordingWriter("billing-tickets"));

        var report = await _domain.Reconciler.ReconcileAsync(
            [
                new ListSource("desk", "account", ("D1", """{"name":"Acme","creditLimit":100}"""), ("D2", """{"name":"Globex"}""")),
                new ListSource("billing", "account", (billing.RemoteIdOf(first.CanonicalId!), """{"name":"Acme","creditLimit":999}""")),
            ],
            repair: true);

        Assert.Equal(2, report.Issues.Count);
        var drift = Assert.Single(report.Issues, i => i.Code == SyncErrorCodes.FieldDrift);
        Assert.Equal(("billing", "creditLimit", "100", "999", "billing"), (drift.System, drift.FieldPath, drift.Expected, drift.Actual, drift.Owner));
        var missing = Assert.Single(report.Issues, i => i.Code == SyncErrorCodes.MissingInSystem);
        Assert.Equal(("billing", second.CanonicalId), (missing.System, missing.CanonicalId));
        Assert.Equal(2, report.RepairsEnqueued);
        Assert.All(await _domain.ClaimAllAsync(), m => Assert.Equal("sync/billing/account", m.Destination));
    }

    private sealed class RecordingWriter(string destination) : IDestinationWriter
    {
        private readonly Dictionary<string, string> _remoteIds = new(StringComparer.Ordinal);

        public string Destination { get; } = destination;

        public List<JsonObject> Written { get; } = [];

        public string RemoteIdOf(string canonicalId) => _remoteIds[canonicalId];

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var payload = JsonNode.Parse(message.Payload.Span)!.AsObject();
            Written.Add(payload);
            var canonicalId = payload["id"]!.GetValue<string>();
            if (!_remoteIds.TryGetValue(canonicalId, out var remoteId))
            {
                remoteId = $"{Destination}-{_remoteIds.Count + 1}";
                _remoteIds[canonicalId] = remoteId;
            }

            return new(DeliveryResult.DeliveredAs(remoteId));
        }
    }

    private sealed class ListSource(string system, string entityType, params (string RemoteId, string Json)[] records) : IReconciliationSource
    {
        public string System { get; } = system;

        public string EntityType { get; } = entityType;

        public async IAsyncEnumerable<SyncRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var (remoteId, json) in records)
            {
                await Task.Yield();
                yield return new SyncRecord(System, EntityType, remoteId, Utf8(json));
            }
        }
    }

    private sealed class FailingOutbox(IOutboxStore inner) : DelegatingOutboxStore(inner)
    {
        public override ValueTask EnqueueAsync(IReadOnlyList<OutboxMessage> messages, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
            => throw new IOException("disk full");
    }
}
