using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Identity;
using Connectivity.Inbox;
using Connectivity.Lifecycle;
using Connectivity.Mapping;
using Connectivity.Outbox;
using Connectivity.Sync;
using Connectivity.Testing.Fakes;
using Connectivity.Testing.Fakes.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Connectivity.Testing.Conformance.Internal;

/// <summary>
/// The real sync flow on in-memory stores, with every other system of the policy as a <see cref="FakeSystem"/> peer and the
/// connector under test as the writer (and, read back, the sender) of its own system. Delivers the outbox by hand, round by
/// round, so every write's result is seen. One harness per test.
/// </summary>
internal sealed class ConformanceHarness : IDisposable
{
    private const string LeaseOwner = "conformance";
    private const int MaxRounds = 12;
    private static readonly string[] EnvelopeFields = ["id", "externalReferences"];

    private readonly ConformanceSubject _subject;
    private readonly Dictionary<string, IDestinationWriter> _destinations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSystem> _peers = new(StringComparer.Ordinal);
    private readonly IDestinationWriter _writer;
    private string? _parentRemoteId;
    private int _deliveryNumber;

    public ConformanceHarness(ConformanceSubject subject)
    {
        _subject = subject;
        var policy = subject.Policy;
        if (!policy.Systems.Contains(subject.System))
        {
            throw new InvalidOperationException($"'{subject.System}' is not a system of the ownership policy ({string.Join(", ", policy.Systems.Order(StringComparer.Ordinal))}); override Policy.");
        }

        if (!policy.Catalog.TryGetEntity(subject.EntityType, out var descriptor))
        {
            throw new InvalidOperationException($"The ownership policy's catalog has no entity '{subject.EntityType}'.");
        }

        StageField = descriptor.StageField;
        Lifecycle = descriptor.Lifecycle;
        foreach (var name in policy.Systems.Where(s => !string.Equals(s, subject.System, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            _peers.Add(name, new FakeSystem(name, Time));
        }

        if (_peers.Count == 0)
        {
            throw new InvalidOperationException($"The ownership policy has no system besides '{subject.System}' to exchange records with.");
        }

        var initialOwner = policy.GetOwner(subject.EntityType, StageField, Lifecycle.InitialStage);
        Creator = _peers.ContainsKey(initialOwner) ? initialOwner : _peers.Keys.First();

        Echoes = new InMemoryEchoFingerprintStore(Time);
        Identity = new InMemoryIdentityMap(Time);
        Outbox = new InMemoryOutboxStore(Time);
        Inbox = new InMemoryInboxStore(Options.Create(new InboxOptions()), Time);
        Decider = new ChangeDecider(policy, Snapshots, Echoes, Conflicts, Time);
        WriterDestination = $"conformance/{subject.System}/{subject.EntityType}";
        Definition = BuildDefinition();
        Flow = new SyncFlow(Definition, Decider, Identity, Snapshots, Outbox, Inbox, Transactions);

        _writer = subject.CreateWriter() ?? throw new InvalidOperationException("CreateWriter returned null.");
        var writers = new Dictionary<string, IDestinationWriter>(StringComparer.Ordinal) { [WriterDestination] = _writer };
        foreach (var (name, peer) in _peers)
        {
            // A peer keeps one record per canonical id: a change is an update, whatever message brings it.
            writers[PeerDestination(name, subject.EntityType)] = new PeerWriter(peer, PeerDestination(name, subject.EntityType), subject.EntityType);
            if (subject.Parent is { } parent)
            {
                writers[PeerDestination(name, parent.EntityType)] = new PeerWriter(peer, PeerDestination(name, parent.EntityType), parent.EntityType);
            }
        }

        if (subject.Parent is { } reference)
        {
            ParentTarget = new FakeSystem(subject.System, Time);
            writers[ParentDestination] = subject.CreateParentWriter() ?? new PeerWriter(ParentTarget, ParentDestination, reference.EntityType);
        }

        foreach (var entity in Definition.Entities)
        {
            foreach (var (system, writerName) in entity.Destinations)
            {
                var inner = writers[writerName];
                _destinations.Add(
                    SyncFlowDefinition.DestinationName(system, entity.EntityType),
                    new SyncDestinationWriter(Definition, entity.EntityType, system, name => string.Equals(name, writerName, StringComparison.Ordinal) ? inner : null, Decider, Identity, Transactions));
            }
        }
    }

    public FakeTimeProvider Time { get; } = new(FakeConstants.Epoch);

    public string System => _subject.System;

    public string EntityType => _subject.EntityType;

    public string StageField { get; }

    public LifecycleDefinition Lifecycle { get; }

    public string Creator { get; }

    public IReadOnlyDictionary<string, FakeSystem> Peers => _peers;

    public FakeSystem? ParentTarget { get; }

    public string WriterDestination { get; }

    public InMemoryBaseSnapshotStore Snapshots { get; } = new();

    public InMemoryEchoFingerprintStore Echoes { get; }

    public InMemoryConflictStore Conflicts { get; } = new();

    public InMemoryIdentityMap Identity { get; }

    public InMemoryOutboxStore Outbox { get; }

    public InMemoryInboxStore Inbox { get; }

    public InMemoryStoreTransactionFactory Transactions { get; } = new();

    public ChangeDecider Decider { get; }

    public SyncFlowDefinition Definition { get; }

    public SyncFlow Flow { get; }

    /// <summary>Gets every write the harness made, in order.</summary>
    public List<DeliveryAttempt> Log { get; } = [];

    private string ParentDestination => $"conformance/{_subject.System}/{_subject.Parent!.EntityType}";

    public void Dispose() => Flow.Dispose();

    /// <summary>Gets the writer under test.</summary>
    public IDestinationWriter UserWriter => _writer;

    public JsonObject NewSample(int index, Func<int, JsonObject> create) => Sample(index, create, StageField, Lifecycle.InitialStage);

    public IDestinationWriter SyncWriter(string system, string entityType) => _destinations[SyncFlowDefinition.DestinationName(system, entityType)];

    /// <summary>Creates a record of the entity in the creating peer, at the lifecycle's initial stage, with its parent in place, and processes it.</summary>
    public async Task<SyncResult> CreateAsync(int index, bool settle = true)
    {
        var sample = NewSample(index, _subject.CreateSample);
        if (_subject.Parent is { } parent)
        {
            sample[parent.FieldPath] = await EnsureParentAsync().ConfigureAwait(false);
        }

        var created = _peers[Creator].Create(EntityType, sample);
        var result = Single(await ProcessPeerDeliveriesAsync().ConfigureAwait(false), created.RemoteId, "the new record");
        if (result.Outcome != SyncOutcome.Applied || result.CanonicalId is null)
        {
            Assert.Fail($"Creating {EntityType} {created.RemoteId} in {Creator} gave {result}; the sample ({Encoding.UTF8.GetString(created.CanonicalJson.Span)}) must be a valid new record.");
        }

        if (settle)
        {
            await SettleAsync($"creating {EntityType} {result.CanonicalId}").ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Creates one parent record in the creating peer (once per harness) and delivers it; returns its remote id there.</summary>
    public async Task<string> EnsureParentAsync()
    {
        if (_parentRemoteId is null)
        {
            var created = CreateParentInPeer(0);
            await ProcessPeerDeliveriesAsync().ConfigureAwait(false);
            await SettleAsync($"creating the parent {_subject.Parent!.EntityType} {created.RemoteId}").ConfigureAwait(false);
            _parentRemoteId = created.RemoteId;
        }

        return _parentRemoteId;
    }

    public FakeRecord CreateParentInPeer(int index)
    {
        var parent = _subject.Parent!;
        var stage = _subject.Policy.Catalog.TryGetEntity(parent.EntityType, out var descriptor) ? descriptor : null;
        var sample = Sample(index, _subject.CreateParentSample, stage?.StageField, stage?.Lifecycle.InitialStage);
        return _peers[Creator].Create(parent.EntityType, sample);
    }

    public async Task<List<SyncResult>> ProcessPeerDeliveriesAsync(IEnumerable<FakeDelivery>? deliveries = null)
    {
        var results = new List<SyncResult>();
        foreach (var delivery in deliveries ?? _peers.Values.SelectMany(static p => p.TakeDeliveries()).ToList())
        {
            results.Add(await Flow.ProcessPayloadAsync(delivery.System, delivery.EntityType, delivery.RemoteId, delivery.CanonicalJson, delivery.DeliveryId).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Processes a record as the system under test reports it.</summary>
    public ValueTask<SyncResult> ProcessFromSystemAsync(string remoteId, ReadOnlyMemory<byte> payload, string? deliveryId = null)
        => Flow.ProcessPayloadAsync(System, EntityType, remoteId, payload, deliveryId ?? $"conformance-{++_deliveryNumber:D4}");

    /// <summary>Delivers the outbox round by round until it is empty; a permanent failure fails the test.</summary>
    public async Task<List<DeliveryAttempt>> DeliverAsync(int maxRounds = MaxRounds, bool requireEmpty = true)
    {
        var delivered = new List<DeliveryAttempt>();
        for (var round = 1; round <= maxRounds; round++)
        {
            var claimed = await Outbox.ClaimAsync(new OutboxClaimRequest(LeaseOwner, 1000, TimeSpan.FromMinutes(5))).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                return delivered;
            }

            foreach (var claim in claimed)
            {
                var message = claim.Message;
                var result = await _destinations[message.Destination].WriteAsync(message, CancellationToken.None).ConfigureAwait(false);
                var attempt = new DeliveryAttempt(message, result);
                Log.Add(attempt);
                switch (result.Outcome)
                {
                    case DeliveryOutcome.Delivered:
                        await Outbox.MarkDeliveredAsync(message.Id, claim.LeaseToken).ConfigureAwait(false);
                        if (attempt.System == System && attempt.EntityType == EntityType && result.RemoteId is null)
                        {
                            Assert.Fail($"The writer delivered {attempt} without a remote id: return DeliveryResult.DeliveredAs(remoteId), or the flow cannot link the record and its echo looks like a new record.");
                        }

                        delivered.Add(attempt);
                        break;
                    case DeliveryOutcome.TransientFailure:
                        await Outbox.ScheduleRetryAsync(message.Id, claim.LeaseToken, Time.GetUtcNow(), $"{result.ErrorCode} {result.Reason}").ConfigureAwait(false);
                        break;
                    default:
                        await Outbox.DeadLetterAsync(message.Id, claim.LeaseToken, result.ErrorCode ?? "none", result.Reason ?? string.Empty).ConfigureAwait(false);
                        Assert.Fail($"The write {attempt} failed permanently: {result.ErrorCode} {result.Reason}");
                        break;
                }
            }
        }

        if (requireEmpty && (await Outbox.GetStatisticsAsync().ConfigureAwait(false)).PendingCount > 0)
        {
            var waiting = Log.Where(a => a.Result.Outcome == DeliveryOutcome.TransientFailure).TakeLast(3);
            Assert.Fail($"Writes still pending after {maxRounds} delivery rounds; the last failures: {string.Join("; ", waiting.Select(static w => $"{w}: {w.Result.ErrorCode} {w.Result.Reason}"))}");
        }

        return delivered;
    }

    /// <summary>Hands every system's report of what was just written to the flow: the peers' change feeds, and the records the writer under test wrote, read back.</summary>
    public async Task<List<SyncResult>> FeedBackAsync(IReadOnlyList<DeliveryAttempt> delivered)
    {
        var results = await ProcessPeerDeliveriesAsync().ConfigureAwait(false);
        var written = delivered.Where(d => d.System == System && d.EntityType == EntityType).Select(static d => d.Result.RemoteId!).Distinct(StringComparer.Ordinal).ToList();
        if (written.Count > 0)
        {
            var target = await ReadTargetAsync().ConfigureAwait(false);
            foreach (var remoteId in written)
            {
                var record = Find(target, remoteId, "was written");
                results.Add(await ProcessFromSystemAsync(record.RemoteId, record.Payload).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Delivers and feeds back until nothing more is written; fails when the systems keep writing to each other.</summary>
    public async Task SettleAsync(string context)
    {
        List<SyncResult> results = [];
        for (var round = 1; round <= 6; round++)
        {
            results = await FeedBackAsync(await DeliverAsync().ConfigureAwait(false)).ConfigureAwait(false);
            if (results.All(static r => r.Destinations.Count == 0))
            {
                return;
            }
        }

        Assert.Fail($"After {context}, the systems never settled: each report of a write was written again. Last round: {string.Join("; ", results.Where(static r => r.Destinations.Count > 0))}");
    }

    public async Task<IReadOnlyList<ConformanceRecord>> ReadTargetAsync()
        => await _subject.ReadTarget(CancellationToken.None).ConfigureAwait(false) ?? throw new InvalidOperationException("ReadTargetAsync returned null.");

    public ConformanceRecord Find(IReadOnlyList<ConformanceRecord> target, string remoteId, string why)
        => target.FirstOrDefault(r => string.Equals(r.RemoteId, remoteId, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"{System} {EntityType} '{remoteId}' {why}, but ReadTargetAsync does not return it (it returned {target.Count} records: {string.Join(", ", target.Take(10))}).");

    public async Task<string?> RemoteIdAsync(string system, string entityType, string canonicalId)
        => (await Identity.ListLinksAsync(entityType, canonicalId).ConfigureAwait(false)).FirstOrDefault(l => string.Equals(l.System, system, StringComparison.Ordinal)).RemoteId;

    /// <summary>Reads the system's record of a canonical id back from the target.</summary>
    public async Task<ConformanceRecord> ReadBackAsync(string canonicalId, string context)
    {
        var remoteId = await RemoteIdAsync(System, EntityType, canonicalId).ConfigureAwait(false)
            ?? throw new Xunit.Sdk.XunitException($"{context}: {EntityType} {canonicalId} never reached {System} (no remote id was linked).");
        return Find(await ReadTargetAsync().ConfigureAwait(false), remoteId, $"holds {EntityType} {canonicalId}");
    }

    /// <summary>Maps a payload of the system under test with its inbound map, as the flow reads it.</summary>
    public JsonObject MapInbound(ReadOnlyMemory<byte> payload, string context)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var result = _subject.InboundMap.Map(payload.Span, buffer);
        if (!result.Succeeded)
        {
            Assert.Fail($"{context}: the inbound map cannot read the payload {Encoding.UTF8.GetString(payload.Span)}: {string.Join("; ", result.Errors)}");
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    public async Task<JsonObject> CanonicalAsync(string canonicalId)
        => await Flow.GetCanonicalAsync(EntityType, canonicalId).ConfigureAwait(false) is { } canonical
            ? JsonObject.Create(canonical)!
            : throw new Xunit.Sdk.XunitException($"There is no canonical {EntityType} {canonicalId}.");

    public static JsonNode? Select(JsonNode? node, string path) => JsonPath.Select(node, path);

    public static string Show(JsonNode? node) => node?.ToJsonString() ?? "(none)";

    public static bool Covers(string decided, string field)
        => string.Equals(decided, field, StringComparison.Ordinal)
            || (decided.StartsWith(field, StringComparison.Ordinal) && decided[field.Length] is '.' or '[')
            || (field.StartsWith(decided, StringComparison.Ordinal) && field[decided.Length] is '.' or '[');

    private static JsonObject Sample(int index, Func<int, JsonObject> create, string? stageField, string? stage)
    {
        var sample = (JsonObject)(create(index) ?? throw new InvalidOperationException($"The sample {index} is null.")).DeepClone();
        foreach (var field in EnvelopeFields)
        {
            sample.Remove(field);
        }

        if (stageField is not null && stage is not null)
        {
            sample[stageField] = stage;
        }

        return sample;
    }

    private static SyncResult Single(List<SyncResult> results, string remoteId, string what)
        => results.LastOrDefault(r => string.Equals(r.Record.RemoteId, remoteId, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"The flow saw no delivery of {what} '{remoteId}'.");

    private static string PeerDestination(string peer, string entityType) => $"conformance/{peer}/{entityType}";

    private static CompiledMap IdentityMap(string name, IEnumerable<string> fields)
    {
        var builder = new MapBuilder(name);
        foreach (var field in fields)
        {
            builder.Field(field, r => r.Copy(field));
        }

        return builder.Build();
    }

    private static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private SyncFlowDefinition BuildDefinition()
    {
        var subject = _subject;
        var fields = new SortedSet<string>(StringComparer.Ordinal) { StageField };
        fields.UnionWith(subject.CreateSample(0).Select(static p => p.Key).Where(static k => !EnvelopeFields.Contains(k)));
        fields.UnionWith(subject.InboundMap.Definition.Fields.Select(static f => TopLevel(f.TargetPath)));
        if (subject.Parent is { } parent)
        {
            fields.Add(TopLevel(parent.FieldPath));
        }

        var builder = new SyncFlowBuilder().Entity(subject.EntityType, e =>
        {
            e.From(subject.System, subject.InboundMap).To(subject.System, WriterDestination);
            foreach (var peer in _peers.Keys)
            {
                e.From(peer, IdentityMap($"conformance-{peer}-{subject.EntityType}", fields)).To(peer, PeerDestination(peer, subject.EntityType));
            }

            if (subject.Parent is { } reference)
            {
                e.Reference(reference.FieldPath, reference.EntityType);
            }
        });
        if (subject.Parent is { } p)
        {
            var parentFields = new SortedSet<string>(subject.CreateParentSample(0).Select(static f => f.Key).Where(static k => !EnvelopeFields.Contains(k)), StringComparer.Ordinal);
            if (subject.Policy.Catalog.TryGetEntity(p.EntityType, out var descriptor))
            {
                parentFields.Add(descriptor.StageField);
            }

            builder.Entity(p.EntityType, e =>
            {
                e.To(subject.System, ParentDestination);
                foreach (var peer in _peers.Keys)
                {
                    // Every peer receives the parent too: a child written to a peer waits for it there.
                    e.From(peer, IdentityMap($"conformance-{peer}-{p.EntityType}", parentFields)).To(peer, PeerDestination(peer, p.EntityType));
                }
            });
        }

        return builder.Build();
    }
}
