using System.Diagnostics;
using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.ChangeTracking.Internal;
using Connectivity.Delivery;
using Connectivity.Diagnostics.Internal;
using Connectivity.Ownership;
using Connectivity.Ownership.Internal;

namespace Connectivity.ChangeTracking;

/// <summary>
/// Decides incoming records field by field: three-way change detection against the sender's base and the
/// canonical record, the echo guard, stale-input detection and the ownership policy at the record's stage.
/// Thread-safe; state lives in the stores, updated with optimistic concurrency.
/// </summary>
public sealed class ChangeDecider
{
    private const int MaxAttempts = 8;

    private readonly OwnershipPolicy _policy;
    private readonly IBaseSnapshotStore _baseSnapshots;
    private readonly IEchoFingerprintStore _echoFingerprints;
    private readonly IConflictStore _conflicts;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="ChangeDecider"/> class.</summary>
    /// <param name="policy">The ownership policy.</param>
    /// <param name="baseSnapshots">Where the base per record and system is kept.</param>
    /// <param name="echoFingerprints">Where the fingerprints of our writes are kept.</param>
    /// <param name="conflicts">Where conflicts go.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ChangeDecider(OwnershipPolicy policy, IBaseSnapshotStore baseSnapshots, IEchoFingerprintStore echoFingerprints, IConflictStore conflicts, TimeProvider timeProvider)
    {
        _policy = Guard.Against.Null(policy);
        _baseSnapshots = Guard.Against.Null(baseSnapshots);
        _echoFingerprints = Guard.Against.Null(echoFingerprints);
        _conflicts = Guard.Against.Null(conflicts);
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <summary>Gets the ownership policy the decider applies.</summary>
    public OwnershipPolicy Policy => _policy;

    /// <summary>
    /// Decides an incoming record from <paramref name="system"/>. Fields the sender left untouched since its base
    /// are not changes; a changed field is accepted when the sender owns it at the record's stage, rejected
    /// (the owner's value to be written back) when it does not, and a conflict when the sender owns it but the
    /// canonical value also changed since the base. A stage change is decided first, by the stage's owner; the
    /// new stage's ownership applies to the other fields. The sender's base is updated; conflicts are stored.
    /// </summary>
    /// <param name="system">The sending system.</param>
    /// <param name="entityType">The entity name.</param>
    /// <param name="canonicalId">The canonical id (from the identity map).</param>
    /// <param name="incoming">The incoming record as canonical JSON (an object).</param>
    /// <param name="current">The current canonical record, or <see langword="null"/> when the record is new.</param>
    /// <param name="transaction">
    /// A store transaction the sender's new base joins (it commits with the caller's other updates), or <see langword="null"/> to
    /// save it at once. The base is read outside the transaction; a concurrent update makes the save fail and the decision is retried.
    /// </param>
    /// <param name="notSentToSender">
    /// Tells, for a concrete field path, whether Connectivity never writes the field to the sender, or <see langword="null"/> when
    /// unknown. When the sender owns such a field and its base has no value for it, the sender reports it for the first time and
    /// nothing it could have seen changed, so its value is accepted rather than taken for a conflict.
    /// </param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The system or entity is not part of the policy, an id is empty, or a record is not a JSON object.</exception>
    /// <exception cref="InvalidOperationException">The base kept changing under concurrent updates of the same record.</exception>
    public async ValueTask<ChangeDecision> DecideAsync(
        string system,
        string entityType,
        string canonicalId,
        JsonElement incoming,
        JsonElement? current,
        IStoreTransaction? transaction = null,
        Func<string, bool>? notSentToSender = null,
        CancellationToken cancellationToken = default)
    {
        var (key, entity) = Check(system, entityType, canonicalId);
        Guard.Against.InvalidInput(incoming, nameof(incoming), static e => e.ValueKind == JsonValueKind.Object, "The incoming record must be a JSON object.");
        current = JsonFields.Present(current);
        if (current is { ValueKind: not JsonValueKind.Object })
        {
            throw new ArgumentException("The current record must be a JSON object.", nameof(current));
        }

        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _baseSnapshots.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var (decision, newBase) = await DecideOnceAsync(key, entity, snapshot, incoming, current, notSentToSender, transaction, cancellationToken).ConfigureAwait(false);
            if (newBase is null || await _baseSnapshots.TrySaveAsync(key, newBase, snapshot?.Revision ?? 0, transaction, cancellationToken).ConfigureAwait(false))
            {
                await RecordAsync(decision, transaction, cancellationToken).ConfigureAwait(false);
                return decision;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The base of {key} kept changing while deciding; gave up after {MaxAttempts} attempts.");
            }
        }
    }

    /// <summary>
    /// Records that Connectivity wrote fields to <paramref name="system"/>: the system's base becomes exactly the written fields
    /// (values it held and was not sent are dropped from the base, so a later report of them is a first value or a change), and a
    /// fingerprint of the written values lets the echo guard drop the system reporting them back.
    /// </summary>
    /// <param name="system">The system written to.</param>
    /// <param name="entityType">The entity name.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="written">The fields written, as canonical JSON (a whole record or a part of one).</param>
    /// <param name="transaction">A store transaction the base joins, or <see langword="null"/> to save it at once.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the base and the fingerprint are stored.</returns>
    /// <exception cref="ArgumentException">The system or entity is not part of the policy, an id is empty, or the record is not a JSON object.</exception>
    /// <exception cref="InvalidOperationException">The base kept changing under concurrent updates of the same record.</exception>
    public async ValueTask RecordWriteAsync(string system, string entityType, string canonicalId, JsonElement written, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        var (key, entity) = Check(system, entityType, canonicalId);
        Guard.Against.InvalidInput(written, nameof(written), static e => e.ValueKind == JsonValueKind.Object, "The written record must be a JSON object.");

        var leaves = new List<FieldChange>();
        JsonFields.CollectLeaves(written, entity.Descriptor.IgnoredFields, leaves);

        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _baseSnapshots.GetAsync(key, cancellationToken).ConfigureAwait(false);
            byte[] json;
            if (snapshot is null)
            {
                json = JsonFields.ToUtf8(written);
            }
            else
            {
                var baseRoot = JsonFields.ParseValue(snapshot.Utf8Json.Span);
                var removed = new List<FieldChange>();
                JsonFields.Diff(baseRoot, written, entity.Descriptor.IgnoredFields, removed);
                json = JsonFields.Patch(baseRoot, removed.Select(static c => (c.Path, c.Incoming)));
            }

            var next = new BaseSnapshot(json, 0, snapshot?.SourceVersion, snapshot?.SourceModifiedAt);
            if (await _baseSnapshots.TrySaveAsync(key, next, snapshot?.Revision ?? 0, transaction, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The base of {key} kept changing while recording a write; gave up after {MaxAttempts} attempts.");
            }
        }

        var fingerprint = new EchoFingerprint(key, [.. leaves.Select(static l => l.Path)], JsonFields.Hash(leaves), _timeProvider.GetUtcNow());
        await _echoFingerprints.AddAsync(fingerprint, transaction, cancellationToken).ConfigureAwait(false);
    }

    private static (long? Version, DateTimeOffset? ModifiedAt) ReadClock(JsonElement record, EntityPolicy entity)
    {
        long? version = null;
        DateTimeOffset? modifiedAt = null;
        if (entity.Descriptor.VersionField is { } versionField
            && record.TryGetProperty(versionField, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var number))
        {
            version = number;
        }

        if (entity.Descriptor.ModifiedAtField is { } modifiedField
            && record.TryGetProperty(modifiedField, out var m) && m.ValueKind == JsonValueKind.String && m.TryGetDateTimeOffset(out var time))
        {
            modifiedAt = time;
        }

        return (version, modifiedAt);
    }

    private static T? Max<T>(T? a, T? b)
        where T : struct, IComparable<T>
        => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;

    private static string? ReadStage(JsonElement? record, EntityPolicy entity)
        => record is { } r && r.TryGetProperty(entity.Descriptor.StageField, out var stage) && stage.ValueKind == JsonValueKind.String
            ? stage.GetString()
            : null;

    private (RecordKey Key, EntityPolicy Entity) Check(string system, string entityType, string canonicalId)
    {
        Guard.Against.NullOrWhiteSpace(system);
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        if (!_policy.Systems.Contains(system))
        {
            throw new ArgumentException($"'{system}' is not a system of the ownership policy.", nameof(system));
        }

        if (!_policy.TryGetEntity(entityType, out var entity))
        {
            throw new ArgumentException($"'{entityType}' is not an entity of the ownership policy.", nameof(entityType));
        }

        return (new RecordKey(system, entityType, canonicalId), entity);
    }

    private async ValueTask<(ChangeDecision Decision, BaseSnapshot? NewBase)> DecideOnceAsync(
        RecordKey key, EntityPolicy entity, BaseSnapshot? snapshot, JsonElement incoming, JsonElement? current, Func<string, bool>? notSentToSender, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        var lifecycle = entity.Descriptor.Lifecycle;
        var currentStage = ReadStage(current, entity);
        if (currentStage is not null && !lifecycle.ContainsStage(currentStage))
        {
            currentStage = null;
        }

        var (version, modifiedAt) = ReadClock(incoming, entity);
        if (snapshot is not null
            && ((version is not null && version < snapshot.SourceVersion) || (modifiedAt is not null && modifiedAt < snapshot.SourceModifiedAt)))
        {
            return (new ChangeDecision(key, ChangeOutcome.Stale, currentStage, currentStage, [], 0), null);
        }

        JsonElement? baseRoot = snapshot is null ? null : JsonFields.ParseValue(snapshot.Utf8Json.Span);
        var changes = new List<FieldChange>();
        JsonFields.Diff(baseRoot, incoming, entity.Descriptor.IgnoredFields, changes);

        // Echo guard: fields whose values are exactly what we wrote to the sender are not its changes.
        // Checked even when nothing changed, so that the echo of the newest write retires the fingerprints before it.
        var echoed = 0;
        List<FieldChange>? echoedChanges = null;
        {
            var fingerprints = await _echoFingerprints.GetAsync(key, cancellationToken).ConfigureAwait(false);
            foreach (var fingerprint in fingerprints)
            {
                if (JsonFields.Hash(incoming, fingerprint.FieldPaths) != fingerprint.Hash)
                {
                    continue;
                }

                var written = fingerprint.FieldPaths as IReadOnlySet<string> ?? new HashSet<string>(fingerprint.FieldPaths, StringComparer.Ordinal);
                echoedChanges = changes.FindAll(c => written.Contains(c.Path));
                echoed = changes.RemoveAll(c => written.Contains(c.Path));

                // The system has reached this write: it and the writes before it cannot come back again.
                await _echoFingerprints.RemoveAsync(key, fingerprint.WrittenAt, transaction, cancellationToken).ConfigureAwait(false);
                if (changes.Count == 0)
                {
                    return (new ChangeDecision(key, ChangeOutcome.Echo, currentStage, currentStage, [], echoed), null);
                }

                break;
            }
        }

        var stage = currentStage ?? lifecycle.InitialStage;
        var decisions = new List<FieldDecision>(changes.Count);
        List<(string Path, JsonElement? Value)>? keepBase = null;

        // The stage first: its owner at the current stage decides it, and the new stage's ownership applies after.
        var stageIndex = changes.FindIndex(c => string.Equals(c.Path, entity.Descriptor.StageField, StringComparison.Ordinal));
        if (stageIndex >= 0)
        {
            var change = changes[stageIndex];
            changes.RemoveAt(stageIndex);
            JsonElement? currentValue = current is { } c && c.TryGetProperty(entity.Descriptor.StageField, out var cv) ? JsonFields.Present(cv) : null;
            if (!JsonFields.ValueEquals(currentValue, change.Incoming))
            {
                var decision = DecideField(key, entity, entity.StagePath, change, currentValue, stage, notSentToSender);
                var requested = change.Incoming is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
                if (decision.Kind == FieldDecisionKind.Accepted)
                {
                    var allowed = requested is not null && (currentStage is null ? lifecycle.ContainsStage(requested) : lifecycle.CanTransition(currentStage, requested));
                    if (!allowed)
                    {
                        decision = new FieldDecision(decision.FieldPath, FieldDecisionKind.Rejected, FieldDecisionReason.TransitionNotAllowed, key.System, decision.Owner, stage, change.Base, currentValue, change.Incoming);
                    }
                    else
                    {
                        stage = requested!;
                    }
                }

                decisions.Add(decision);
                if (decision.Kind == FieldDecisionKind.Conflict)
                {
                    (keepBase ??= []).Add((change.Path, change.Base));
                }
            }
        }

        foreach (var change in changes)
        {
            JsonElement? currentValue = current is { } c && JsonFields.TryGet(c, change.Path, out var cv) ? cv : null;
            if (JsonFields.ValueEquals(currentValue, change.Incoming))
            {
                continue; // already in sync
            }

            var decision = DecideField(key, entity, entity.Parse(change.Path), change, currentValue, stage, notSentToSender);
            decisions.Add(decision);
            if (decision.Kind == FieldDecisionKind.Conflict)
            {
                (keepBase ??= []).Add((change.Path, change.Base));
            }
        }

        var outcome = decisions.Count == 0 ? ChangeOutcome.NoChange : ChangeOutcome.Changed;
        if (outcome == ChangeOutcome.Changed && echoed == 0)
        {
            // A change of the system's own: its record has moved past our earlier writes, so a later report of the
            // same values is the system's doing, not an echo.
            await _echoFingerprints.RemoveAsync(key, _timeProvider.GetUtcNow(), transaction, cancellationToken).ConfigureAwait(false);
        }

        var result = new ChangeDecision(key, outcome, currentStage, stage, decisions, echoed);

        // The sender now holds what it sent, except where a conflict is open: there the base stays, so the
        // conflict is seen again until resolved; echoed fields keep what we wrote.
        byte[] json;
        if (keepBase is null && echoed == 0)
        {
            json = JsonFields.ToUtf8(incoming);
        }
        else
        {
            var sets = keepBase ?? [];
            if (echoedChanges is not null)
            {
                sets.AddRange(echoedChanges.Select(static e => (e.Path, e.Base)));
            }

            json = JsonFields.Patch(incoming, sets);
        }

        return (result, new BaseSnapshot(json, 0, Max(version, snapshot?.SourceVersion), Max(modifiedAt, snapshot?.SourceModifiedAt)));
    }

    private static FieldDecision DecideField(RecordKey key, EntityPolicy entity, FieldPath path, FieldChange change, JsonElement? currentValue, string stage, Func<string, bool>? notSentToSender)
    {
        var owner = entity.GetOwner(path, stage);
        var senderOwns = string.Equals(owner, key.System, StringComparison.Ordinal);
        FieldDecisionKind kind;
        FieldDecisionReason reason;
        if (currentValue is null && change.Base is null)
        {
            (kind, reason) = (FieldDecisionKind.Accepted, senderOwns ? FieldDecisionReason.SenderOwnsField : FieldDecisionReason.FirstValue);
        }
        else if (!senderOwns)
        {
            (kind, reason) = (FieldDecisionKind.Rejected, FieldDecisionReason.SenderDoesNotOwnField);
        }
        else if (JsonFields.ValueEquals(currentValue, change.Base) || (change.Base is null && notSentToSender?.Invoke(change.Path) == true))
        {
            // Without a base value for a field that is never written to the sender, the owner reports it for the first time:
            // nothing it could have seen changed under it, so its value stands. (A field on its way to the sender is a conflict.)
            (kind, reason) = (FieldDecisionKind.Accepted, FieldDecisionReason.SenderOwnsField);
        }
        else
        {
            (kind, reason) = (FieldDecisionKind.Conflict, FieldDecisionReason.ChangedOnBothSides);
        }

        Debug.Assert(path.Text == change.Path || path == entity.StagePath, "The parsed path is the change's path.");
        return new FieldDecision(change.Path, kind, reason, key.System, owner, stage, change.Base, currentValue, change.Incoming);
    }

    private async ValueTask RecordAsync(ChangeDecision decision, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        var key = decision.Key;
        var entityTag = new KeyValuePair<string, object?>("entity.type", key.EntityType);
        var systemTag = new KeyValuePair<string, object?>("system", key.System);
        OwnershipTelemetry.ChangeDecisions.Add(1, entityTag, systemTag, new("outcome", decision.Outcome switch
        {
            ChangeOutcome.Changed => "changed",
            ChangeOutcome.NoChange => "no_change",
            ChangeOutcome.Echo => "echo",
            _ => "stale",
        }));

        if (decision.Accepted.Count > 0)
        {
            OwnershipTelemetry.FieldDecisions.Add(decision.Accepted.Count, entityTag, systemTag, new("decision", "accepted"));
        }

        if (decision.Rejected.Count > 0)
        {
            OwnershipTelemetry.FieldDecisions.Add(decision.Rejected.Count, entityTag, systemTag, new("decision", "rejected"));
        }

        if (decision.Conflicts.Count == 0)
        {
            return;
        }

        OwnershipTelemetry.FieldDecisions.Add(decision.Conflicts.Count, entityTag, systemTag, new("decision", "conflict"));
        OwnershipTelemetry.Conflicts.Add(decision.Conflicts.Count, entityTag, systemTag);
        var now = _timeProvider.GetUtcNow();
        foreach (var conflict in decision.Conflicts)
        {
            await _conflicts.AddAsync(
                new FieldConflict(key, conflict.FieldPath, conflict.Owner, conflict.Stage, conflict.BaseValue?.GetRawText(), conflict.CurrentValue?.GetRawText(), conflict.IncomingValue?.GetRawText(), now),
                transaction,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
