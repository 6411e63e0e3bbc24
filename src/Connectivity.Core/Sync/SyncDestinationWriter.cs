using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Diagnostics.Internal;
using Connectivity.Identity;
using Connectivity.Outbox;
using Connectivity.Sync.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connectivity.Sync;

/// <summary>
/// The outbox destination of the sync flow's messages for one entity type and receiving system
/// (<see cref="SyncFlowDefinition.DestinationName"/>). Before a write it puts the target's own ids in the canonical record (its
/// remote id as an external reference, references to other records as the target's ids) and waits, as a transient failure with
/// <see cref="SyncErrorCodes.ParentNotInTarget"/> asking for a wait that grows with the message's age (1 s to 30 s), while a
/// referenced record is not in the target yet. It then calls the writer
/// declared for the system; a reference to a type the system does not exchange at all is left out. After a success it links the remote id the writer reported and records the write (the target's new
/// base and the echo guard's fingerprint) in one transaction.
/// </summary>
public sealed class SyncDestinationWriter : IDestinationWriter
{
    private readonly SyncEntityDefinition _entity;
    private readonly HashSet<string> _exchanged;
    private readonly string _system;
    private readonly Func<string, IDestinationWriter?> _writers;
    private readonly ChangeDecider _decider;
    private readonly IIdentityMap _identity;
    private readonly IStoreTransactionFactory _transactions;
    private static readonly TimeSpan ParentWaitMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ParentWaitMax = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private IDestinationWriter? _inner;

    /// <summary>Initializes a new instance of the <see cref="SyncDestinationWriter"/> class.</summary>
    /// <param name="definition">The sync flow's definition.</param>
    /// <param name="entityType">The entity type written.</param>
    /// <param name="system">The receiving system (one of the entity's destinations).</param>
    /// <param name="writers">Finds a writer by its destination name (called once, at the first write).</param>
    /// <param name="decider">The change decider, to record writes.</param>
    /// <param name="identity">The identity map.</param>
    /// <param name="transactions">Begins the transaction the link and the recorded write share.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock that ages a message waiting for its parent; the system clock by default.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The flow does not move the entity type, or <paramref name="system"/> does not receive it.</exception>
    public SyncDestinationWriter(SyncFlowDefinition definition, string entityType, string system, Func<string, IDestinationWriter?> writers, ChangeDecider decider, IIdentityMap identity, IStoreTransactionFactory transactions, ILogger<SyncDestinationWriter>? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = logger ?? NullLogger<SyncDestinationWriter>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Guard.Against.Null(definition);
        var entity = _entity = definition.GetEntity(entityType);
        _system = Guard.Against.NullOrWhiteSpace(system);
        _exchanged = [.. definition.Entities.Where(e => e.Sources.ContainsKey(system) || e.Destinations.ContainsKey(system)).Select(static e => e.EntityType)];
        _writers = Guard.Against.Null(writers);
        _decider = Guard.Against.Null(decider);
        _identity = Guard.Against.Null(identity);
        _transactions = Guard.Against.Null(transactions);
        if (!entity.Destinations.ContainsKey(system))
        {
            throw new ArgumentException($"'{system}' does not receive '{entity.EntityType}'.", nameof(system));
        }

        Destination = SyncFlowDefinition.DestinationName(system, entity.EntityType);
    }

    /// <inheritdoc />
    public string Destination { get; }

    /// <inheritdoc />
    public async ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Guard.Against.Null(message);
        if (!message.Headers.TryGetValue(SyncFlowDefinition.CanonicalIdHeader, out var canonicalId) || string.IsNullOrWhiteSpace(canonicalId))
        {
            return DeliveryResult.PermanentFailure($"Message {message.Id} to {Destination} has no '{SyncFlowDefinition.CanonicalIdHeader}' header.", SyncErrorCodes.InvalidMessage);
        }

        var writerDestination = _entity.Destinations[_system];
        var inner = _inner ??= _writers(writerDestination);
        if (inner is null)
        {
            return DeliveryResult.PermanentFailure($"No writer is registered for destination '{writerDestination}' ({_system}/{_entity.EntityType}).", SyncErrorCodes.WriterNotFound);
        }

        JsonObject canonical;
        try
        {
            canonical = SyncJson.ParseObject(message.Payload.Span, $"Message {message.Id} ({_entity.EntityType} {canonicalId})");
        }
        catch (FormatException exception)
        {
            return DeliveryResult.PermanentFailure(exception.Message, SyncErrorCodes.InvalidMessage);
        }

        var translated = (JsonObject)canonical.DeepClone();
        if (await FindRemoteIdAsync(_entity.EntityType, canonicalId, cancellationToken).ConfigureAwait(false) is { } remoteId)
        {
            translated["externalReferences"] = new JsonArray(new JsonObject { ["system"] = _system, ["remoteId"] = remoteId });
        }
        else
        {
            translated.Remove("externalReferences");
        }

        foreach (var (path, referenced) in _entity.References)
        {
            if (SyncJson.GetString(translated, path) is not { } parentId)
            {
                continue;
            }

            if (!_exchanged.Contains(referenced))
            {
                // The target keeps no records of that type, so it has no id for the parent: the field is left out.
                SyncJson.Remove(translated, path);
                continue;
            }

            if (await FindRemoteIdAsync(referenced, parentId, cancellationToken).ConfigureAwait(false) is not { } parentRemoteId)
            {
                SyncTelemetry.Writes.Add(1, new("entity.type", _entity.EntityType), new("system", _system), new("result", "waiting_for_parent"));
                // Wait longer the longer it has waited: a parent behind a long queue is not chased every few milliseconds, and the
                // dispatcher's attempts last a long time (a quarter of the message's age, from one second up to half a minute).
                var age = _timeProvider.GetUtcNow() - message.CreatedAt;
                var wait = TimeSpan.FromTicks(Math.Clamp(age.Ticks / 4, ParentWaitMin.Ticks, ParentWaitMax.Ticks));
                return DeliveryResult.TransientFailure(
                    $"{_entity.EntityType} {canonicalId} waits for its {referenced} {parentId} ('{path}') to exist in {_system}.",
                    wait,
                    SyncErrorCodes.ParentNotInTarget);
            }

            SyncJson.SetString(translated, path, parentRemoteId);
        }

        var result = await inner.WriteAsync(
            new OutboxMessage(message.Id, writerDestination, SyncJson.ToUtf8(translated), message.EntityKey, message.Headers)
            {
                AttemptCount = message.AttemptCount,
                CreatedAt = message.CreatedAt,
                NotBefore = message.NotBefore,
                LastError = message.LastError,
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Outcome != DeliveryOutcome.Delivered)
        {
            SyncTelemetry.Writes.Add(1, new("entity.type", _entity.EntityType), new("system", _system), new("result", "failed"));
            return result;
        }

        // The target has the write: record it even if the dispatcher is stopping, or the message would be written again.
        var bookkeeping = CancellationToken.None;
        var linked = IdentityLinkResult.AlreadyLinked;
        var transaction = await _transactions.BeginTransactionAsync(bookkeeping).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (result.RemoteId is { } written)
            {
                linked = await _identity.LinkAsync(new RemoteKey(_system, _entity.EntityType, written), canonicalId, transaction, bookkeeping).ConfigureAwait(false);
            }

            if (_entity.GetHeldFields(_system) is { } held)
            {
                // The system's base: the fields it holds, of those it was sent (all of them when the outbound map is not declared).
                var recorded = SyncJson.Project(canonical, held);
                if (_entity.GetWrittenFields(_system) is { } sent)
                {
                    recorded = SyncJson.Project(recorded, sent);
                }

                await _decider.RecordWriteAsync(_system, _entity.EntityType, canonicalId, SyncJson.ToElement(recorded), transaction, bookkeeping).ConfigureAwait(false);
            }

            await transaction.CommitAsync(bookkeeping).ConfigureAwait(false);
        }

        // The target answered with a record already linked to another canonical id: it holds one record for two of ours.
        SyncTelemetry.Writes.Add(1, new("entity.type", _entity.EntityType), new("system", _system), new("result", linked == IdentityLinkResult.LinkedElsewhere ? "linked_elsewhere" : "written"));
        if (linked == IdentityLinkResult.LinkedElsewhere)
        {
            _logger.LinkedElsewhere(_system, _entity.EntityType, result.RemoteId!, canonicalId);
        }

        return result;
    }

    private async ValueTask<string?> FindRemoteIdAsync(string entityType, string canonicalId, CancellationToken cancellationToken)
    {
        var links = await _identity.ListLinksAsync(entityType, canonicalId, cancellationToken).ConfigureAwait(false);
        foreach (var link in links)
        {
            if (string.Equals(link.System, _system, StringComparison.Ordinal))
            {
                return link.RemoteId;
            }
        }

        return null;
    }
}
