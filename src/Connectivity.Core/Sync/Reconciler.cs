using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.ChangeTracking;
using Connectivity.ChangeTracking.Internal;
using Connectivity.Identity;
using Connectivity.Outbox;
using Connectivity.Ownership;
using Connectivity.Sync.Internal;

namespace Connectivity.Sync;

/// <summary>
/// Compares what systems hold with the canonical records: for every record a source reads, the fields the system holds (its inbound
/// map's targets) against the canonical record, whose values are the owners' — reporting each field that differs with both values
/// and the owner, records linked to a system but missing there, records not linked at all, and several records of one system linked
/// to one canonical record. Optionally queues repair messages (the canonical record, through the flow's destinations). Hosts can run
/// it on a schedule; it reads and never writes to a system itself.
/// </summary>
public sealed class Reconciler
{
    private readonly SyncFlowDefinition _definition;
    private readonly OwnershipPolicy _policy;
    private readonly IIdentityMap _identity;
    private readonly IBaseSnapshotStore _snapshots;
    private readonly IOutboxStore _outbox;

    /// <summary>Initializes a new instance of the <see cref="Reconciler"/> class.</summary>
    /// <param name="definition">The sync flow's definition: which systems hold which fields.</param>
    /// <param name="policy">The ownership policy, to name each field's owner.</param>
    /// <param name="identity">The identity map.</param>
    /// <param name="snapshots">The store of the canonical records.</param>
    /// <param name="outbox">The outbox, for repairs.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Reconciler(SyncFlowDefinition definition, OwnershipPolicy policy, IIdentityMap identity, IBaseSnapshotStore snapshots, IOutboxStore outbox)
    {
        _definition = Guard.Against.Null(definition);
        _policy = Guard.Against.Null(policy);
        _identity = Guard.Against.Null(identity);
        _snapshots = Guard.Against.Null(snapshots);
        _outbox = Guard.Against.Null(outbox);
    }

    /// <summary>Reads every source and compares each record with its canonical record.</summary>
    /// <param name="sources">The sources: one per system and entity type; each entity type should be read from every system that holds it.</param>
    /// <param name="repair">Whether to queue the canonical record for each system that disagrees (when the flow writes the entity to it).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A source reads an entity type or system the flow does not know.</exception>
    public async ValueTask<ReconciliationReport> ReconcileAsync(IEnumerable<IReconciliationSource> sources, bool repair = false, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(sources);
        var issues = new List<ReconciliationIssue>();
        var read = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<(string EntityType, string System), Dictionary<string, string>>();
        var canonicalIds = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var toRepair = new SortedSet<(string EntityType, string CanonicalId, string System)>();
        var compared = 0;
        var fields = 0;

        foreach (var source in sources)
        {
            var entity = _definition.GetEntity(source.EntityType);
            var held = entity.GetHeldFields(source.System)
                ?? throw new ArgumentException($"'{source.System}' does not send '{source.EntityType}' in the sync flow, so what it holds is unknown.", nameof(sources));
            _policy.Catalog.TryGetEntity(source.EntityType, out var descriptor);
            var ignored = descriptor?.IgnoredFields ?? new HashSet<string>(StringComparer.Ordinal);
            var byCanonical = new Dictionary<string, string>(StringComparer.Ordinal);
            seen[(source.EntityType, source.System)] = byCanonical;
            var count = 0;
            await foreach (var record in source.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                count++;
                var canonicalId = await _identity.FindAsync(new RemoteKey(source.System, source.EntityType, record.RemoteId), cancellationToken).ConfigureAwait(false);
                if (canonicalId is null)
                {
                    issues.Add(new(SyncErrorCodes.Unlinked, source.System, source.EntityType, null, record.RemoteId, null, null, null, null));
                    continue;
                }

                (canonicalIds.TryGetValue(source.EntityType, out var ids) ? ids : canonicalIds[source.EntityType] = new(StringComparer.Ordinal)).Add(canonicalId);
                if (!byCanonical.TryAdd(canonicalId, record.RemoteId))
                {
                    issues.Add(new(SyncErrorCodes.DuplicateInSystem, source.System, source.EntityType, canonicalId, $"{byCanonical[canonicalId]}, {record.RemoteId}", null, null, null, null));
                    continue;
                }

                var snapshot = await _snapshots.GetAsync(SyncFlow.CanonicalKey(source.EntityType, canonicalId), cancellationToken).ConfigureAwait(false);
                if (snapshot is null)
                {
                    issues.Add(new(SyncErrorCodes.Unlinked, source.System, source.EntityType, canonicalId, record.RemoteId, null, null, null, null));
                    continue;
                }

                var canonical = SyncJson.ParseObject(snapshot.Utf8Json.Span, $"The canonical record {source.EntityType} {canonicalId}");
                JsonObject incoming;
                try
                {
                    incoming = SyncJson.ParseObject(record.CanonicalJson.Span, $"The record {record}");
                }
                catch (FormatException)
                {
                    issues.Add(new(SyncErrorCodes.FieldDrift, source.System, source.EntityType, canonicalId, record.RemoteId, "$", null, "(not a JSON object)", null));
                    continue;
                }

                foreach (var (path, referenced) in entity.References)
                {
                    if (SyncJson.GetString(incoming, path) is { } remoteParent
                        && await _identity.FindAsync(new RemoteKey(source.System, referenced, remoteParent), cancellationToken).ConfigureAwait(false) is { } parent)
                    {
                        SyncJson.SetString(incoming, path, parent);
                    }
                }

                compared++;
                var expected = SyncJson.ToElement(SyncJson.Project(canonical, held));
                var actual = SyncJson.ToElement(SyncJson.Project(incoming, held));
                var leaves = new List<FieldChange>();
                JsonFields.CollectLeaves(expected, ignored, leaves);
                fields += leaves.Count;
                var differences = new List<FieldChange>();
                JsonFields.Diff(expected, actual, ignored, differences);
                if (differences.Count == 0)
                {
                    continue;
                }

                var stage = canonical.TryGetPropertyValue(descriptor?.StageField ?? "stage", out var s) && s is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? v.GetValue<string>()
                    : descriptor?.Lifecycle.InitialStage;
                foreach (var difference in differences)
                {
                    var owner = stage is null ? null : _policy.GetOwner(source.EntityType, difference.Path, stage);
                    issues.Add(new(
                        SyncErrorCodes.FieldDrift, source.System, source.EntityType, canonicalId, record.RemoteId, difference.Path,
                        difference.Base?.GetRawText(), difference.Incoming?.GetRawText(), owner));
                }

                toRepair.Add((source.EntityType, canonicalId, source.System));
            }

            read[$"{source.System}/{source.EntityType}"] = count;
        }

        // A record every source of its type should hold: linked to a system that was read but not found there, or never linked to it.
        foreach (var ((entityType, system), byCanonical) in seen)
        {
            var entity = _definition.GetEntity(entityType);
            foreach (var canonicalId in canonicalIds.GetValueOrDefault(entityType) ?? [])
            {
                if (byCanonical.ContainsKey(canonicalId) || !entity.Destinations.ContainsKey(system))
                {
                    continue;
                }

                var links = await _identity.ListLinksAsync(entityType, canonicalId, cancellationToken).ConfigureAwait(false);
                var link = links.FirstOrDefault(l => string.Equals(l.System, system, StringComparison.Ordinal));
                issues.Add(new(SyncErrorCodes.MissingInSystem, system, entityType, canonicalId, link == default ? null : link.RemoteId, null, null, null, null));
                toRepair.Add((entityType, canonicalId, system));
            }
        }

        var repairs = 0;
        if (repair)
        {
            var messages = new List<OutboxMessage>();
            foreach (var (entityType, canonicalId, system) in toRepair)
            {
                if (!_definition.GetEntity(entityType).Destinations.ContainsKey(system)
                    || await _snapshots.GetAsync(SyncFlow.CanonicalKey(entityType, canonicalId), cancellationToken).ConfigureAwait(false) is not { } snapshot)
                {
                    continue;
                }

                messages.Add(SyncFlow.CreateMessage(system, entityType, canonicalId, SyncJson.ParseObject(snapshot.Utf8Json.Span, canonicalId), "repair"));
            }

            if (messages.Count > 0)
            {
                await _outbox.EnqueueAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            repairs = messages.Count;
        }

        issues.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.EntityType, b.EntityType);
            c = c != 0 ? c : string.CompareOrdinal(a.CanonicalId, b.CanonicalId);
            c = c != 0 ? c : string.CompareOrdinal(a.System, b.System);
            return c != 0 ? c : string.CompareOrdinal(a.FieldPath, b.FieldPath);
        });
        return new ReconciliationReport(read, compared, fields, issues, repairs);
    }
}
