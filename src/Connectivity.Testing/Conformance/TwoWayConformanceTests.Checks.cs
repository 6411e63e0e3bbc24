using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Sync;
using Connectivity.Testing.Conformance.Internal;
using Xunit;

namespace Connectivity.Testing.Conformance;

public abstract partial class TwoWayConformanceTests
{
    private const int CheckpointRecords = 20;
    private const int CheckpointPageSize = 3;

    /// <summary>
    /// No echo writes: a record created in a peer is written to your system; read back as your system reports it, it causes no
    /// further write anywhere. The same holds after a peer changes a field your system holds.
    /// </summary>
    /// <returns>A task that completes when the check has run.</returns>
    [Fact]
    public async Task Echo_SystemReportsOurWrite_NoFurtherWrite()
    {
        using var h = StartHarness();
        var created = await h.CreateAsync(0, settle: false);
        var id = created.CanonicalId!;
        var delivered = await h.DeliverAsync();
        await h.ReadBackAsync(id, $"Creating {EntityType} {id} in {h.Creator}");
        AssertQuiet(await h.FeedBackAsync(delivered), $"After {EntityType} {id} was created in {h.Creator} and written to {System}");

        if (await EditFromPeerAsync(h, id, h.Lifecycle.InitialStage) is { } edit)
        {
            var results = await h.ProcessPeerDeliveriesAsync();
            if (!results.Any(r => r.Destinations.Contains(System)))
            {
                Assert.Fail($"{edit.Peer} changed {EntityType} {id} field '{edit.Field}', which {System} holds, but nothing was sent to {System}: {string.Join("; ", results)}");
            }

            AssertQuiet(await h.FeedBackAsync(await h.DeliverAsync()), $"After {edit.Peer} changed {EntityType} {id} field '{edit.Field}' and it was written to {System}");
        }
    }

    /// <summary>
    /// Ownership at each stage: for each lifecycle stage the kit can reach (the stage's transitions made by the peers that own them),
    /// on a fresh record, each of your <see cref="Edits"/> to a field your system does not own at that stage is rejected and the owner's
    /// value written back to your system; each edit to a field it owns is accepted and reaches every peer. Fields and owners come from
    /// <see cref="Policy"/>.
    /// </summary>
    /// <returns>A task that completes when the check has run.</returns>
    [Fact]
    public async Task Ownership_ChangeAtEachStage_OwnedAcceptedOthersRejectedAndWrittenBack()
    {
        using var h = StartHarness();
        var edits = Edits.Where(e => e.Key != h.StageField && (Parent is null || !ConformanceHarness.Covers(e.Key, Parent.FieldPath))).ToList();
        if (edits.Count == 0)
        {
            Assert.Fail($"Edits names no field to change (the stage field and the parent reference are not edited): add an edit per field {System} holds.");
        }

        var checkedEdits = 0;
        var skipped = new List<string>();
        var index = 1;
        foreach (var stage in h.Lifecycle.Stages)
        {
            var route = RouteTo(h, stage);
            if (route is null)
            {
                skipped.Add($"'{stage}' (reached only through a transition {System} owns)");
                continue;
            }

            var id = (await h.CreateAsync(index++)).CanonicalId!;
            foreach (var (from, to, mover) in route)
            {
                await MoveAsync(h, id, from, to, mover);
            }

            var owned = edits.Where(e => Policy.IsOwner(System, EntityType, e.Key, stage)).ToList();
            foreach (var (field, edit) in edits.Except(owned))
            {
                await CheckRejectedAsync(h, id, stage, field, edit);
                checkedEdits++;
            }

            // The edits it owns go in one payload, cumulatively: an accepted change is not written back, so the target keeps its old values.
            var record = await h.ReadBackAsync(id, $"Stage '{stage}'");
            var payload = JsonNode.Parse(record.Payload.Span)!.AsObject();
            foreach (var (field, edit) in owned)
            {
                await CheckAcceptedAsync(h, id, stage, field, edit, record.RemoteId, payload);
                checkedEdits++;
            }
        }

        if (checkedEdits == 0)
        {
            Assert.Fail($"The ownership check found nothing to check for {System} {EntityType}; skipped: {string.Join(", ", skipped)}.");
        }
    }

    /// <summary>
    /// Replays are idempotent at the inbox: a peer's delivery processed twice is a duplicate the second time and leaves one record in
    /// your target; your system's own report, processed twice with the same delivery id, writes nothing the second time.
    /// </summary>
    /// <returns>A task that completes when the check has run.</returns>
    [Fact]
    public async Task Replay_SameDeliveryTwice_OneRecordInTarget()
    {
        using var h = StartHarness();
        var sample = await NewSampleAsync(h, 1);
        var before = await TargetIdsAsync(h);
        var created = h.Peers[h.Creator].Create(EntityType, sample);
        var deliveries = h.Peers[h.Creator].TakeDeliveries();
        var first = (await h.ProcessPeerDeliveriesAsync(deliveries)).Single(r => r.Record.RemoteId == created.RemoteId);
        var second = (await h.ProcessPeerDeliveriesAsync(deliveries)).Single(r => r.Record.RemoteId == created.RemoteId);
        if (second.Outcome != SyncOutcome.Duplicate || second.Destinations.Count > 0)
        {
            Assert.Fail($"{h.Creator}'s delivery {deliveries[0].DeliveryId} of {EntityType} {created.RemoteId}, processed twice, gave {second} the second time; expected Duplicate, nothing queued.");
        }

        await h.SettleAsync($"creating {EntityType} {first.CanonicalId}");
        var added = (await TargetIdsAsync(h)).Except(before).ToList();
        if (added.Count != 1)
        {
            Assert.Fail($"{EntityType} {first.CanonicalId}, its delivery replayed, left {added.Count} new records in {System}: {string.Join(", ", added)}; expected 1.");
        }

        var record = await h.ReadBackAsync(first.CanonicalId!, "Replaying a delivery");
        await h.ProcessFromSystemAsync(record.RemoteId, record.Payload, "conformance-replay");
        var replayed = await h.ProcessFromSystemAsync(record.RemoteId, record.Payload, "conformance-replay");
        if (replayed.Outcome != SyncOutcome.Duplicate || replayed.Destinations.Count > 0)
        {
            Assert.Fail($"{System}'s report of {EntityType} {record.RemoteId}, processed twice with one delivery id, gave {replayed} the second time; expected Duplicate, nothing queued.");
        }
    }

    /// <summary>
    /// Replays are idempotent at your writer: the outbox message that creates a record is written once with its answer lost (as
    /// after a timeout, so nothing was linked), then delivered, then delivered again; an update is delivered twice. Your target holds
    /// one record, with the update's values.
    /// </summary>
    /// <returns>A task that completes when the check has run.</returns>
    [Fact]
    public async Task Replay_SameMessageDeliveredTwice_OneRecordInTarget()
    {
        using var h = StartHarness();
        if (Parent is not null)
        {
            await h.EnsureParentAsync();
        }

        var before = await TargetIdsAsync(h);
        var id = (await h.CreateAsync(1, settle: false)).CanonicalId!;
        var create = await ClaimMessageToSystemAsync(h, id, "the create");
        await WriteWithLostAnswerAsync(h, create.Message);
        var results = await DeliverTwiceAsync(h, create);
        await h.SettleAsync($"creating {EntityType} {id}");
        var added = (await TargetIdsAsync(h)).Except(before).ToList();
        if (added.Count != 1 || results.Select(static r => r.RemoteId).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            Assert.Fail($"{EntityType} {id}: the create message {create.Message.Id}, written three times (once with its answer lost, as after a timeout; then delivered twice), "
                + $"left {added.Count} new records in {System} ({string.Join(", ", added)}; the writer answered {string.Join(", ", results.Select(static r => r.RemoteId))}); expected 1. "
                + "A repeated write with the same message id must not create another record: use an idempotency key, an upsert by external key, or a read before create.");
        }

        if (await EditFromPeerAsync(h, id, h.Lifecycle.InitialStage) is { } edit)
        {
            await h.ProcessPeerDeliveriesAsync();
            var update = await ClaimMessageToSystemAsync(h, id, $"the update of '{edit.Field}'");
            await DeliverTwiceAsync(h, update);
            await h.SettleAsync($"updating {EntityType} {id}");
            var after = await TargetIdsAsync(h);
            var record = await h.ReadBackAsync(id, "Replaying an update");
            var held = ConformanceHarness.Select(h.MapInbound(record.Payload, "Replaying an update"), edit.Field);
            var canonical = ConformanceHarness.Select(await h.CanonicalAsync(id), edit.Field);
            if (after.Count != before.Count + 1 || !JsonNode.DeepEquals(held, canonical))
            {
                Assert.Fail($"{EntityType} {id}: the update of '{edit.Field}' from {edit.Peer}, delivered twice, left {after.Count - before.Count} new records in {System} "
                    + $"and '{edit.Field}' = {ConformanceHarness.Show(held)}; expected 1 record with {ConformanceHarness.Show(canonical)}.");
            }
        }
    }

    /// <summary>
    /// Parents before children: a child whose parent has not reached your system waits (<see cref="SyncErrorCodes.ParentNotInTarget"/>)
    /// and is written after the parent, with the parent's id in your system. Nothing to do when <see cref="Parent"/> is <see langword="null"/>.
    /// </summary>
    /// <returns>A task that completes when the check has run.</returns>
    [Fact]
    public async Task ParentsBeforeChildren_ChildBeforeParent_WaitsThenWrittenWithTargetsParentId()
    {
        if (Parent is not { } parent)
        {
            return;
        }

        using var h = StartHarness();
        var peer = h.Peers[h.Creator];
        var parentRecord = h.CreateParentInPeer(1);
        var sample = h.NewSample(1, CreateSample);
        sample[parent.FieldPath] = parentRecord.RemoteId;
        var child = peer.Create(EntityType, sample);
        var deliveries = peer.TakeDeliveries();
        var childResult = (await h.ProcessPeerDeliveriesAsync(deliveries.Where(d => d.EntityType == EntityType))).Single();
        var id = childResult.CanonicalId!;
        await h.DeliverAsync(maxRounds: 1, requireEmpty: false);
        var early = h.Log.FirstOrDefault(a => a.System == System && a.EntityType == EntityType && a.CanonicalId == id);
        if (early is null)
        {
            Assert.Fail($"{EntityType} {id} ({h.Creator} {child.RemoteId}) was never sent to {System}: {childResult}");
        }

        if (early.Result.Outcome != DeliveryOutcome.TransientFailure || early.Result.ErrorCode != SyncErrorCodes.ParentNotInTarget)
        {
            Assert.Fail($"{EntityType} {id} was written to {System} ({early.Result.Outcome} {early.Result.ErrorCode}) before its {parent.EntityType} reached {System}; it must wait ({SyncErrorCodes.ParentNotInTarget}).");
        }

        await h.ProcessPeerDeliveriesAsync(deliveries.Where(d => d.EntityType == parent.EntityType));
        await h.DeliverAsync();
        var parentId = ConformanceHarness.Select(await h.CanonicalAsync(id), parent.FieldPath)?.GetValue<string>();
        var parentWrite = h.Log.FindIndex(a => a.System == System && a.EntityType == parent.EntityType && a.CanonicalId == parentId && a.Result.Outcome == DeliveryOutcome.Delivered);
        var childWrite = h.Log.FindIndex(a => a.System == System && a.EntityType == EntityType && a.CanonicalId == id && a.Result.Outcome == DeliveryOutcome.Delivered);
        if (parentWrite < 0 || childWrite < parentWrite)
        {
            Assert.Fail($"{EntityType} {id} was written to {System} (write {childWrite + 1}) before its {parent.EntityType} {parentId} (write {parentWrite + 1}).");
        }

        var parentRemoteId = await h.RemoteIdAsync(System, parent.EntityType, parentId!);
        var record = await h.ReadBackAsync(id, "Parents before children");
        var held = ConformanceHarness.Select(h.MapInbound(record.Payload, "Parents before children"), parent.FieldPath);
        if (held is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != parentRemoteId)
        {
            Assert.Fail($"{System} holds {EntityType} {record.RemoteId} with '{parent.FieldPath}' = {ConformanceHarness.Show(held)}; expected its {parent.EntityType}'s id in {System}, \"{parentRemoteId}\".");
        }
    }

    /// <summary>
    /// Checkpoint boundaries: many records changed at the same instant are read from a peer in small pages with a cursor, every other
    /// page read twice (a crash before its checkpoint was saved); each reaches your target exactly once. With
    /// <see cref="ReadChangesAsync"/> overridden, your reader then pages through them: each is read exactly once, reading again from
    /// the last checkpoint repeats none, and what it reads is your own write's echo.
    /// </summary>
    /// <returns>A task that completes when the check has run.</returns>
    [Fact]
    public async Task Checkpoint_PagesOfRecordsWithEqualTimestamps_NothingLostOrRepeated()
    {
        using var h = StartHarness();
        var peer = h.Peers[h.Creator];
        var samples = new List<JsonObject>();
        for (var i = 0; i < CheckpointRecords; i++)
        {
            samples.Add(await NewSampleAsync(h, 100 + i));
        }

        var before = await TargetIdsAsync(h);
        var created = samples.Select(s => peer.Create(EntityType, s).RemoteId).ToList();
        peer.TakeDeliveries();
        string? cursor = null;
        var pages = 0;
        for (var more = true; more; pages++)
        {
            var page = peer.ReadChangesSince(EntityType, cursor, CheckpointPageSize);
            await ProcessPolledAsync(h, page.Records);
            if (pages % 2 == 0)
            {
                // A crash after the page's work, before its checkpoint was saved: the page is read and processed again.
                await ProcessPolledAsync(h, peer.ReadChangesSince(EntityType, cursor, CheckpointPageSize).Records);
            }

            cursor = page.Cursor;
            more = page.HasMore;
        }

        await h.SettleAsync($"reading {CheckpointRecords} {EntityType} records from {h.Creator} in pages of {CheckpointPageSize}");
        var added = (await TargetIdsAsync(h)).Except(before).ToList();
        var ids = new List<string>();
        foreach (var remoteId in created)
        {
            var canonicalId = await h.Identity.FindAsync(new Identity.RemoteKey(h.Creator, EntityType, remoteId));
            var written = canonicalId is null ? null : await h.RemoteIdAsync(System, EntityType, canonicalId);
            if (written is null)
            {
                Assert.Fail($"{h.Creator} {EntityType} {remoteId}, one of {CheckpointRecords} records changed at the same instant and read in pages of {CheckpointPageSize}, never reached {System}.");
            }

            ids.Add(written);
        }

        if (added.Count != CheckpointRecords)
        {
            Assert.Fail($"{CheckpointRecords} records changed at the same instant, read in pages of {CheckpointPageSize} with every other page read twice, left {added.Count} new records in {System}; expected {CheckpointRecords}. Extra: {string.Join(", ", added.Except(ids))}");
        }

        await CheckReaderAsync(h, ids);
    }

    private static void AssertQuiet(IEnumerable<SyncResult> results, string context)
    {
        foreach (var result in results.Where(static r => r.Destinations.Count > 0))
        {
            Assert.Fail($"{context}: {result.Record} reported it back and the flow wrote again to {string.Join(", ", result.Destinations)} ({result.Outcome}: {result.Decision}). "
                + "Its report must read back as what was written: check that the inbound map reads what the writer writes, and that the writer writes every field the map reads.");
        }
    }

    private static async Task ProcessPolledAsync(ConformanceHarness h, IReadOnlyList<Fakes.FakeRecord> records)
    {
        foreach (var record in records)
        {
            await h.Flow.ProcessPayloadAsync(record.System, record.EntityType, record.RemoteId, record.CanonicalJson);
        }

        await h.DeliverAsync();
    }

    private static async Task<List<DeliveryResult>> DeliverTwiceAsync(ConformanceHarness h, ClaimedOutboxMessage claim)
    {
        var writer = h.SyncWriter(h.System, h.EntityType);
        var results = new List<DeliveryResult>();
        for (var i = 1; i <= 2; i++)
        {
            var result = await writer.WriteAsync(claim.Message, CancellationToken.None);
            h.Log.Add(new DeliveryAttempt(claim.Message, result));
            if (result.Outcome != DeliveryOutcome.Delivered)
            {
                Assert.Fail($"Delivery {i} of {h.EntityType} message {claim.Message.Id} to {h.System} failed: {result.Outcome} {result.ErrorCode} {result.Reason}");
            }

            results.Add(result);
        }

        await h.Outbox.MarkDeliveredAsync(claim.Message.Id, claim.LeaseToken);
        return results;
    }

    private static async Task<ClaimedOutboxMessage> ClaimMessageToSystemAsync(ConformanceHarness h, string canonicalId, string what)
    {
        var destination = SyncFlowDefinition.DestinationName(h.System, h.EntityType);
        var claimed = await h.Outbox.ClaimAsync(new OutboxClaimRequest("conformance-replay", 1000, TimeSpan.FromMinutes(5)));
        ClaimedOutboxMessage? found = null;
        foreach (var claim in claimed)
        {
            if (found is null && claim.Message.Destination == destination && claim.Message.Headers[SyncFlowDefinition.CanonicalIdHeader] == canonicalId)
            {
                found = claim;
            }
            else
            {
                await h.Outbox.ScheduleRetryAsync(claim.Message.Id, claim.LeaseToken, h.Time.GetUtcNow(), "held back by the conformance check");
            }
        }

        return found ?? throw new Xunit.Sdk.XunitException($"No message with {what} of {h.EntityType} {canonicalId} was queued for {h.System}.");
    }

    private async Task WriteWithLostAnswerAsync(ConformanceHarness h, OutboxMessage message)
    {
        // What the sync destination hands the writer before anything is linked: no own remote id, the parent's id in the system.
        var payload = JsonNode.Parse(message.Payload.Span)!.AsObject();
        payload.Remove("externalReferences");
        if (Parent is { } parent && ConformanceHarness.Select(payload, parent.FieldPath)?.GetValue<string>() is { } parentId)
        {
            payload[parent.FieldPath] = await h.RemoteIdAsync(System, parent.EntityType, parentId);
        }

        var lost = await h.UserWriter.WriteAsync(new OutboxMessage(message.Id, h.WriterDestination, Encoding.UTF8.GetBytes(payload.ToJsonString()), message.EntityKey, message.Headers), CancellationToken.None);
        h.Log.Add(new DeliveryAttempt(message, lost));
    }

    private async Task CheckRejectedAsync(ConformanceHarness h, string id, string stage, string field, Action<JsonObject> edit)
    {
        var owner = Policy.GetOwner(EntityType, field, stage);
        var context = $"Stage '{stage}': {System} changed {EntityType} {id} field '{field}', which {owner} owns at '{stage}'";
        var record = await h.ReadBackAsync(id, context);
        var payload = JsonNode.Parse(record.Payload.Span)!.AsObject();
        var edited = ApplyEdit(h, payload, field, edit, stage);
        var result = await h.ProcessFromSystemAsync(record.RemoteId, edited);
        var decision = result.Decision;
        if (decision is null || !decision.Rejected.Any(f => ConformanceHarness.Covers(f.FieldPath, field)) || decision.Accepted.Any(f => ConformanceHarness.Covers(f.FieldPath, field)))
        {
            Assert.Fail($"{context}: expected it rejected and the owner's value written back; got {result.Outcome}: {decision}");
        }

        if (!result.Destinations.Contains(System) || result.Destinations.Count > 1)
        {
            Assert.Fail($"{context}: it was rejected, so only a write-back to {System} was expected; the flow wrote to: {string.Join(", ", result.Destinations)}");
        }

        var delivered = await h.DeliverAsync();
        var expected = ConformanceHarness.Select(await h.CanonicalAsync(id), field);
        var held = ConformanceHarness.Select(h.MapInbound((await h.ReadBackAsync(id, context)).Payload, context), field);
        if (!JsonNode.DeepEquals(held, expected))
        {
            Assert.Fail($"{context}: after the write-back {System} holds {ConformanceHarness.Show(held)} at '{field}'; the owner's value is {ConformanceHarness.Show(expected)}.");
        }

        AssertQuiet(await h.FeedBackAsync(delivered), $"{context}, after the write-back");
    }

    private async Task CheckAcceptedAsync(ConformanceHarness h, string id, string stage, string field, Action<JsonObject> edit, string remoteId, JsonObject payload)
    {
        var context = $"Stage '{stage}': {System} changed {EntityType} {id} field '{field}', which it owns at '{stage}'";
        var edited = ApplyEdit(h, payload, field, edit, stage);
        var result = await h.ProcessFromSystemAsync(remoteId, edited);
        if (result.Decision is not { } decision || !decision.Accepted.Any(f => ConformanceHarness.Covers(f.FieldPath, field)))
        {
            Assert.Fail($"{context}: expected it accepted and sent on; got {result.Outcome}: {result.Decision}");
        }

        var missing = h.Peers.Keys.Where(p => !result.Destinations.Contains(p)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"{context}: it was accepted but not sent to {string.Join(", ", missing)} (sent to: {string.Join(", ", result.Destinations)}).");
        }

        var delivered = await h.DeliverAsync();
        var expected = ConformanceHarness.Select(await h.CanonicalAsync(id), field);
        foreach (var (name, peer) in h.Peers)
        {
            var peerId = await h.RemoteIdAsync(name, EntityType, id);
            var held = peerId is null ? null : ConformanceHarness.Select(peer.Find(EntityType, peerId)?.ToJsonObject(), field);
            if (!JsonNode.DeepEquals(held, expected))
            {
                Assert.Fail($"{context}: {name} holds {ConformanceHarness.Show(held)} at '{field}' after the change was sent; expected {ConformanceHarness.Show(expected)}.");
            }
        }

        AssertQuiet(await h.FeedBackAsync(delivered), $"{context}, after it reached the peers");
    }

    private static byte[] ApplyEdit(ConformanceHarness h, JsonObject payload, string field, Action<JsonObject> edit, string stage)
    {
        var context = $"Stage '{stage}': the edit of '{field}'";
        var before = ConformanceHarness.Select(h.MapInbound(Encoding.UTF8.GetBytes(payload.ToJsonString()), context), field)?.DeepClone();
        edit(payload);
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var after = ConformanceHarness.Select(h.MapInbound(bytes, context), field);
        if (JsonNode.DeepEquals(before, after))
        {
            Assert.Fail($"{context} does not change '{field}' as the inbound map reads the payload (it stays {ConformanceHarness.Show(after)}); an edit must change its field.");
        }

        return bytes;
    }

    private async Task MoveAsync(ConformanceHarness h, string id, string from, string to, string mover)
    {
        var remoteId = await h.RemoteIdAsync(mover, EntityType, id)
            ?? throw new Xunit.Sdk.XunitException($"Moving {EntityType} {id} from '{from}' to '{to}': {mover}, which owns '{h.StageField}' at '{from}', does not hold the record.");
        h.Peers[mover].Edit(EntityType, remoteId, r => r[h.StageField] = to);
        await h.ProcessPeerDeliveriesAsync();
        await h.SettleAsync($"moving {EntityType} {id} to '{to}'");
        var stage = ConformanceHarness.Select(await h.CanonicalAsync(id), h.StageField)?.GetValue<string>();
        if (stage != to)
        {
            Assert.Fail($"Moving {EntityType} {id} from '{from}' to '{to}' through {mover} left it at '{stage}'.");
        }
    }

    /// <summary>The transitions, each made by the peer that owns the stage field before it, from the initial stage to <paramref name="stage"/>; null when there is none.</summary>
    private List<(string From, string To, string Mover)>? RouteTo(ConformanceHarness h, string stage)
    {
        var lifecycle = h.Lifecycle;
        var previous = new Dictionary<string, (string From, string Mover)>(StringComparer.Ordinal);
        var queue = new Queue<string>([lifecycle.InitialStage]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { lifecycle.InitialStage };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == stage)
            {
                var route = new List<(string, string, string)>();
                for (var at = stage; at != lifecycle.InitialStage; at = previous[at].From)
                {
                    route.Insert(0, (previous[at].From, at, previous[at].Mover));
                }

                return route;
            }

            var mover = Policy.GetOwner(EntityType, h.StageField, current);
            if (!h.Peers.ContainsKey(mover))
            {
                continue;
            }

            foreach (var next in lifecycle.GetNextStages(current).Where(seen.Add))
            {
                previous[next] = (current, mover);
                queue.Enqueue(next);
            }
        }

        return null;
    }

    /// <summary>A peer that owns a field the system holds (a text or a number) changes it; null when there is no such field.</summary>
    private async Task<(string Peer, string Field)?> EditFromPeerAsync(ConformanceHarness h, string id, string stage)
    {
        foreach (var field in InboundMap.Definition.Fields.Select(static f => f.TargetPath).Distinct(StringComparer.Ordinal))
        {
            if (field.Contains('[', StringComparison.Ordinal) || field == h.StageField || (Parent is not null && ConformanceHarness.Covers(field, Parent.FieldPath)))
            {
                continue;
            }

            string owner;
            try
            {
                owner = Policy.GetOwner(EntityType, field, stage);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (!h.Peers.TryGetValue(owner, out var peer) || await h.RemoteIdAsync(owner, EntityType, id) is not { } remoteId)
            {
                continue;
            }

            JsonNode? changed = ConformanceHarness.Select(peer.Find(EntityType, remoteId)?.ToJsonObject(), field) switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>() + " (edited)"),
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>() + 1),
                _ => null,
            };
            if (changed is null)
            {
                continue;
            }

            peer.Edit(EntityType, remoteId, r => SetAt(r, field, changed));
            return (owner, field);
        }

        return null;
    }

    private static void SetAt(JsonObject root, string path, JsonNode value)
    {
        var names = path.Split('.');
        var node = root;
        foreach (var name in names[..^1])
        {
            if (node[name] is not JsonObject child)
            {
                child = [];
                node[name] = child;
            }

            node = child;
        }

        node[names[^1]] = value;
    }

    private async Task<JsonObject> NewSampleAsync(ConformanceHarness h, int index)
    {
        var sample = h.NewSample(index, CreateSample);
        if (Parent is { } parent)
        {
            sample[parent.FieldPath] = await h.EnsureParentAsync();
        }

        return sample;
    }

    private static async Task<List<string>> TargetIdsAsync(ConformanceHarness h)
        => [.. (await h.ReadTargetAsync()).Select(static r => r.RemoteId)];

    private async Task CheckReaderAsync(ConformanceHarness h, List<string> ids)
    {
        var expected = ids.ToHashSet(StringComparer.Ordinal);
        var seenOn = new Dictionary<string, int>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 1; ; page++)
        {
            if (await ReadChangesAsync(cursor, CheckpointPageSize, CancellationToken.None) is not { } read)
            {
                return;
            }

            foreach (var record in read.Records)
            {
                if (expected.Contains(record.RemoteId) && !seenOn.TryAdd(record.RemoteId, page))
                {
                    Assert.Fail($"Your reader read {System} {EntityType} {record.RemoteId} on page {seenOn[record.RemoteId]} and again on page {page} (pages of {CheckpointPageSize}, checkpoint '{cursor}'): a record at a page boundary was repeated.");
                }

                AssertQuiet([await h.ProcessFromSystemAsync(record.RemoteId, record.Payload)], $"Your reader's page {page}");
            }

            cursor = read.Cursor;
            if (!read.HasMore)
            {
                break;
            }

            if (page > 10 * CheckpointRecords)
            {
                Assert.Fail($"Your reader never reported the last page (HasMore stayed true for {page} pages; cursor '{cursor}').");
            }
        }

        var lost = ids.Where(i => !seenOn.ContainsKey(i)).ToList();
        if (lost.Count > 0)
        {
            Assert.Fail($"Your reader, paging {CheckpointRecords} records changed at the same instant in pages of {CheckpointPageSize}, never read {string.Join(", ", lost)}: records at a page boundary were lost.");
        }

        var again = await ReadChangesAsync(cursor, CheckpointPageSize, CancellationToken.None);
        var repeated = again?.Records.Where(r => expected.Contains(r.RemoteId)).Select(static r => r.RemoteId).ToList() ?? [];
        if (repeated.Count > 0)
        {
            Assert.Fail($"Your reader, reading again from the last checkpoint '{cursor}', read {string.Join(", ", repeated)} again.");
        }
    }
}
