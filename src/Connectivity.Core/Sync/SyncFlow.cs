using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Diagnostics.Internal;
using Connectivity.Identity;
using Connectivity.Inbox;
using Connectivity.Outbox;
using Connectivity.Sync.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connectivity.Sync;

/// <summary>
/// The sync flow: an incoming record passes the inbox, the identity map, three-way change detection with the echo guard and the
/// ownership policy; accepted changes update the canonical record and go, as messages for every other receiving system, into the
/// outbox — all in one store transaction, so a crash leaves either all of it or none. The dispatcher then writes them through
/// the flow's destinations (<see cref="SyncFlowDefinition.DestinationName"/>). Records are processed one at a time per flow.
/// </summary>
public sealed partial class SyncFlow : IDisposable
{
    private const int MaxAttempts = 8;
    private const string KindHeader = "connectivity-sync-kind";

    private readonly SyncFlowDefinition _definition;
    private readonly ChangeDecider _decider;
    private readonly IIdentityMap _identity;
    private readonly IBaseSnapshotStore _snapshots;
    private readonly IOutboxStore _outbox;
    private readonly IInboxStore _inbox;
    private readonly IStoreTransactionFactory _transactions;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Initializes a new instance of the <see cref="SyncFlow"/> class.</summary>
    /// <param name="definition">The entity types the flow moves.</param>
    /// <param name="decider">The change decider (ownership policy, bases, echo guard, conflicts).</param>
    /// <param name="identity">The identity map.</param>
    /// <param name="snapshots">The snapshot store; it also keeps the canonical records, under <see cref="SyncFlowDefinition.CanonicalSystem"/>.</param>
    /// <param name="outbox">The outbox.</param>
    /// <param name="inbox">The inbox.</param>
    /// <param name="transactions">Begins the transaction every store joins.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition names a system or entity (or a reference to an entity) the decider's ownership policy does not know.</exception>
    public SyncFlow(
        SyncFlowDefinition definition,
        ChangeDecider decider,
        IIdentityMap identity,
        IBaseSnapshotStore snapshots,
        IOutboxStore outbox,
        IInboxStore inbox,
        IStoreTransactionFactory transactions,
        ILogger<SyncFlow>? logger = null)
    {
        _definition = Guard.Against.Null(definition);
        _decider = Guard.Against.Null(decider);
        _identity = Guard.Against.Null(identity);
        _snapshots = Guard.Against.Null(snapshots);
        _outbox = Guard.Against.Null(outbox);
        _inbox = Guard.Against.Null(inbox);
        _transactions = Guard.Against.Null(transactions);
        _logger = logger ?? NullLogger<SyncFlow>.Instance;
        foreach (var entity in definition.Entities)
        {
            if (!decider.Policy.Catalog.TryGetEntity(entity.EntityType, out _))
            {
                throw new ArgumentException($"The ownership policy has no entity '{entity.EntityType}'.", nameof(definition));
            }

            foreach (var system in entity.Sources.Keys.Concat(entity.Destinations.Keys).Where(s => !decider.Policy.Systems.Contains(s)))
            {
                throw new ArgumentException($"'{system}' ({entity.EntityType}) is not a system of the ownership policy.", nameof(definition));
            }

            foreach (var (path, referenced) in entity.References.Where(r => !decider.Policy.Catalog.TryGetEntity(r.Value, out _)))
            {
                throw new ArgumentException($"'{path}' of '{entity.EntityType}' refers to '{referenced}', which is not an entity of the ownership policy.", nameof(definition));
            }
        }
    }

    /// <summary>Gets the definition.</summary>
    public SyncFlowDefinition Definition => _definition;

    /// <summary>Gets the canonical record of an entity, or <see langword="null"/> when there is none.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The record as canonical JSON, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async ValueTask<JsonElement?> GetCanonicalAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        var snapshot = await _snapshots.GetAsync(CanonicalKey(Guard.Against.NullOrWhiteSpace(entityType), Guard.Against.NullOrWhiteSpace(canonicalId)), cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(snapshot.Utf8Json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Maps a system's payload with the inbound map declared for it (<see cref="SyncEntityBuilder.From"/>) and processes the result.
    /// A payload the map cannot read gives <see cref="SyncOutcome.Invalid"/> with every map error, naming the record and the field.
    /// </summary>
    /// <param name="system">The sending system.</param>
    /// <param name="entityType">The entity type.</param>
    /// <param name="remoteId">The sender's id of the record.</param>
    /// <param name="payload">The system's payload (UTF-8 JSON).</param>
    /// <param name="deliveryId">The delivery's id (a webhook's event id), or <see langword="null"/>.</param>
    /// <param name="canonicalIdHint">The canonical id the sender stores with the record, or <see langword="null"/>.</param>
    /// <param name="transaction">The caller's store transaction to work in (see <see cref="ProcessAsync"/>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">A name is empty, or the system does not send the entity type.</exception>
    /// <exception cref="ArgumentNullException">A name is <see langword="null"/>.</exception>
    public ValueTask<SyncResult> ProcessPayloadAsync(
        string system, string entityType, string remoteId, ReadOnlyMemory<byte> payload, string? deliveryId = null, string? canonicalIdHint = null, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(system);
        var entity = _definition.GetEntity(entityType);
        if (!entity.Sources.TryGetValue(system, out var map))
        {
            throw new ArgumentException($"'{system}' does not send '{entityType}' in this sync flow.", nameof(system));
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, payload.Length));
        var mapped = map.Map(payload.Span, buffer);
        var record = new SyncRecord(system, entityType, remoteId, buffer.WrittenMemory) { DeliveryId = deliveryId, CanonicalIdHint = canonicalIdHint };
        if (!mapped.Succeeded)
        {
            return new(Finish(record, SyncOutcome.Invalid, null, null, [], [.. mapped.Errors.Select(e => $"{SyncErrorCodes.InvalidRecord} {record} field '{e.TargetField}' ({e.Code}{(e.SourcePath is null ? string.Empty : $", from '{e.SourcePath}'")}): {e.Message}")]));
        }

        return ProcessAsync(record, transaction, cancellationToken);
    }

    /// <summary>
    /// Processes one incoming record: de-duplicates the delivery, resolves the canonical id and the references, decides the changes
    /// against the sender's base and the canonical record, and in the same transaction updates the canonical record and puts the
    /// messages for the other systems (and write-backs of rejected changes to the sender) in the outbox.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="transaction">
    /// The caller's store transaction (a webhook endpoint's, holding the inbox mark) to work in — the caller commits it — or
    /// <see langword="null"/> for the flow to begin and commit its own. In the caller's transaction a concurrent change of the
    /// canonical record cannot be retried: it throws, and the caller's rollback leaves the delivery to be retried.
    /// </param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result; bad input gives <see cref="SyncOutcome.Invalid"/>, not an exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The flow does not move the record's entity type from its system.</exception>
    /// <exception cref="InvalidOperationException">The canonical record kept changing under concurrent updates.</exception>
    public async ValueTask<SyncResult> ProcessAsync(SyncRecord record, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(record);
        var entity = _definition.GetEntity(record.EntityType);
        if (!entity.Sources.ContainsKey(record.System))
        {
            throw new ArgumentException($"'{record.System}' does not send '{record.EntityType}' in this sync flow.", nameof(record));
        }

        using var activity = ConnectivityTelemetry.ActivitySource.StartActivity("connectivity.sync.process");
        activity?.SetTag("connectivity.system", record.System);
        activity?.SetTag("connectivity.entity.type", record.EntityType);
        activity?.SetTag("connectivity.remote_id", record.RemoteId);

        JsonObject incoming;
        try
        {
            incoming = SyncJson.ParseObject(record.CanonicalJson.Span, $"The record {record}");
        }
        catch (FormatException exception)
        {
            activity?.SetTag("connectivity.sync.outcome", nameof(SyncOutcome.Invalid));
            return Finish(record, SyncOutcome.Invalid, null, null, [], [$"{SyncErrorCodes.InvalidRecord} {exception.Message}"]);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var result = await ProcessOnceAsync(record, entity, (JsonObject)incoming.DeepClone(), transaction, cancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    activity?.SetTag("connectivity.canonical_id", result.CanonicalId);
                    activity?.SetTag("connectivity.sync.outcome", result.Outcome.ToString());
                    return result;
                }

                if (attempt == MaxAttempts || transaction is not null)
                {
                    throw new InvalidOperationException($"The canonical record of {record} kept changing while processing it; gave up after {(transaction is null ? MaxAttempts : 1)} attempt(s).");
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    /// <summary>Releases the gate that keeps records one at a time.</summary>
    public void Dispose() => _gate.Dispose();

    internal static RecordKey CanonicalKey(string entityType, string canonicalId) => new(SyncFlowDefinition.CanonicalSystem, entityType, canonicalId);

    /// <summary>Whether any decided field is at, below or above one of <paramref name="fields"/>; <see langword="null"/> fields cover everything.</summary>
    private static bool Covered(IReadOnlyList<FieldDecision> decided, IReadOnlyList<string>? fields)
    {
        if (fields is null)
        {
            return true;
        }

        foreach (var field in decided)
        {
            if (SyncJson.Covers(fields, field.FieldPath) || fields.Any(f => SyncJson.Covers([field.FieldPath], f)))
            {
                return true;
            }
        }

        return false;
    }

    private SyncResult Finish(SyncRecord record, SyncOutcome outcome, string? canonicalId, ChangeDecision? decision, IReadOnlyList<string> destinations, IReadOnlyList<string> errors)
    {
        SyncTelemetry.Records.Add(
            1,
            new("outcome", outcome.ToString().ToLowerInvariant()),
            new("entity.type", record.EntityType),
            new("system", record.System));
        var result = new SyncResult(record, outcome, canonicalId, decision, destinations, errors);
        if (outcome == SyncOutcome.Invalid && _logger.IsEnabled(LogLevel.Warning))
        {
            LogInvalid(record.System, record.EntityType, record.RemoteId, string.Join("; ", errors));
        }
        else
        {
            LogProcessed(result);
        }

        return result;
    }

    /// <summary>One attempt in one transaction; null when the canonical record changed under it (the caller retries).</summary>
    private async ValueTask<SyncResult?> ProcessOnceAsync(SyncRecord record, SyncEntityDefinition entity, JsonObject incoming, IStoreTransaction? callers, CancellationToken cancellationToken)
    {
        // The store transaction first, then the gate: a caller's transaction (a webhook endpoint's) is always begun before the
        // flow is called, so taking them in the other order here could deadlock with it.
        var transaction = callers ?? await _transactions.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (callers is null ? transaction.ConfigureAwait(false) : NotOwned.Instance.ConfigureAwait(false))
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ProcessInTransactionAsync(record, entity, incoming, transaction, owned: callers is null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async ValueTask<SyncResult?> ProcessInTransactionAsync(SyncRecord record, SyncEntityDefinition entity, JsonObject incoming, IStoreTransaction transaction, bool owned, CancellationToken cancellationToken)
    {
        if (record.DeliveryId is { } deliveryId
            && (await _inbox.TryAcceptAsync(record.System, deliveryId, transaction, cancellationToken).ConfigureAwait(false)).Outcome == InboxOutcome.Duplicate)
        {
            return Finish(record, SyncOutcome.Duplicate, null, null, [], []);
        }

        var canonicalId = await ResolveIdAsync(record, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var (path, referenced) in entity.References)
        {
            if (SyncJson.GetString(incoming, path) is { } remoteId)
            {
                var parent = await _identity.GetOrCreateAsync(new RemoteKey(record.System, referenced, remoteId), transaction, cancellationToken).ConfigureAwait(false);
                SyncJson.SetString(incoming, path, parent.CanonicalId);
            }
        }

        incoming["id"] = canonicalId;
        var key = CanonicalKey(record.EntityType, canonicalId);
        var snapshot = await _snapshots.GetAsync(key, cancellationToken).ConfigureAwait(false);
        using var currentDocument = snapshot is null ? null : JsonDocument.Parse(snapshot.Utf8Json);
        JsonElement? current = currentDocument?.RootElement;
        var sent = entity.Destinations.ContainsKey(record.System) ? entity.GetWrittenFields(record.System) : [];
        var decision = await _decider.DecideAsync(
            record.System, record.EntityType, canonicalId, SyncJson.ToElement(incoming), current, transaction, sent is null ? null : path => !SyncJson.Covers(sent, path), cancellationToken).ConfigureAwait(false);

        var messages = new List<OutboxMessage>();
        var destinations = new List<string>();
        JsonObject? canonical = current is { } c ? JsonObject.Create(c) : null;
        if (decision.Accepted.Count > 0)
        {
            canonical = SyncJson.ParseObject(decision.ApplyTo(current), "The canonical record");
            canonical["id"] = canonicalId;
            var saved = new BaseSnapshot(SyncJson.ToUtf8(canonical), 0, null, null);
            if (!await _snapshots.TrySaveAsync(key, saved, snapshot?.Revision ?? 0, transaction, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            foreach (var (system, _) in entity.Destinations)
            {
                if (!string.Equals(system, record.System, StringComparison.Ordinal) && Covered(decision.Accepted, entity.GetWrittenFields(system) ?? entity.GetHeldFields(system)))
                {
                    messages.Add(CreateMessage(system, record.EntityType, canonicalId, canonical, "change"));
                    destinations.Add(system);
                }
            }
        }

        if (decision.Rejected.Count > 0 && canonical is not null && entity.Destinations.ContainsKey(record.System)
            && Covered(decision.Rejected, entity.GetWrittenFields(record.System)))
        {
            // The sender changed fields it does not own: write the owner's values back so that it converges.
            messages.Add(CreateMessage(record.System, record.EntityType, canonicalId, canonical, "write_back"));
            destinations.Add(record.System);
        }

        if (messages.Count > 0)
        {
            await _outbox.EnqueueAsync(messages, transaction, cancellationToken).ConfigureAwait(false);
        }

        if (owned)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            SyncTelemetry.Messages.Add(1, new("entity.type", record.EntityType), new("system", destinations[i]), new("kind", messages[i].Headers[KindHeader]));
        }

        var outcome = decision.Outcome switch
        {
            ChangeOutcome.Echo => SyncOutcome.Echo,
            ChangeOutcome.Stale => SyncOutcome.Stale,
            ChangeOutcome.NoChange => SyncOutcome.NoChange,
            _ => SyncOutcome.Applied,
        };
        return Finish(record, outcome, canonicalId, decision, destinations, []);
    }

    private async ValueTask<string> ResolveIdAsync(SyncRecord record, IStoreTransaction transaction, CancellationToken cancellationToken)
    {
        var key = new RemoteKey(record.System, record.EntityType, record.RemoteId);
        if (await _identity.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        // A record we created in the sender, reported before the write's link was recorded: the sender stores our id with it.
        if (record.CanonicalIdHint is { } hint
            && await _snapshots.GetAsync(CanonicalKey(record.EntityType, hint), cancellationToken).ConfigureAwait(false) is not null)
        {
            if (await _identity.LinkAsync(key, hint, transaction, cancellationToken).ConfigureAwait(false) != IdentityLinkResult.LinkedElsewhere)
            {
                return await _identity.ResolveAsync(record.EntityType, hint, cancellationToken).ConfigureAwait(false);
            }
        }

        return (await _identity.GetOrCreateAsync(key, transaction, cancellationToken).ConfigureAwait(false)).CanonicalId;
    }

    internal static OutboxMessage CreateMessage(string system, string entityType, string canonicalId, JsonObject canonical, string kind)
    {
        return new OutboxMessage(
            Guid.NewGuid(),
            SyncFlowDefinition.DestinationName(system, entityType),
            SyncJson.ToUtf8(canonical),
            $"{entityType}/{canonicalId}",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [SyncFlowDefinition.EntityTypeHeader] = entityType,
                [SyncFlowDefinition.CanonicalIdHeader] = canonicalId,
                [KindHeader] = kind,
            });
    }

    /// <summary>Stands in for the caller's transaction, which the caller disposes.</summary>
    private sealed class NotOwned : IAsyncDisposable
    {
        public static readonly NotOwned Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Sync: {System}/{EntityType}/{RemoteId} refused: {Errors}")]
    private partial void LogInvalid(string system, string entityType, string remoteId, string errors);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Sync: {Result}")]
    private partial void LogProcessed(SyncResult result);
}
