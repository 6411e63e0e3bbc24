using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Connectivity.Canonical.Ownership;
using Connectivity.Delivery;
using Connectivity.Mapping;
using Connectivity.Ownership;
using Connectivity.Testing.Conformance.Internal;
using Connectivity.Testing.Fakes;

namespace Connectivity.Testing.Conformance;

/// <summary>
/// The two-way conformance kit: derive one class per connector and entity type, say how to reach your connector in a handful of
/// members, and xunit runs the checks a two-way integration depends on. Each check runs the real <see cref="Sync.SyncFlow"/> on
/// in-memory stores, with every other system of the ownership policy as a <see cref="FakeSystem"/> peer, and your writer as the writer
/// of your system:
/// no echo writes, ownership respected at each lifecycle stage, idempotent replays, parents before children, and nothing lost or
/// repeated at checkpoint boundaries. A failure names the check, the stage, the field and the record.
/// </summary>
/// <remarks>
/// xunit makes a new instance of the class for every test, so a target created in the constructor (a fake, a replay cassette,
/// a Kestrel app) is fresh for every check. A record your system reports is read back from the target with
/// <see cref="ReadTargetAsync"/> and processed as your system would send it, through <see cref="InboundMap"/>.
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "The checks are xunit tests, named Method_Scenario_Expectation.")]
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "The checks are xunit tests and run on xunit's context, as tests should.")]
public abstract partial class TwoWayConformanceTests
{
    /// <summary>Gets the name of your system in the ownership policy (<c>service</c>).</summary>
    protected abstract string System { get; }

    /// <summary>Gets the entity type your connector reads and writes (<c>workOrder</c>).</summary>
    protected abstract string EntityType { get; }

    /// <summary>Gets the ownership policy the checks apply; its other systems become the fake peers.</summary>
    /// <value>The default value is <see cref="CanonicalOwnershipPolicy.Default"/>.</value>
    protected virtual OwnershipPolicy Policy => CanonicalOwnershipPolicy.Default;

    /// <summary>Gets your inbound map: from your system's payload (as <see cref="ReadTargetAsync"/> returns it) to canonical JSON.</summary>
    protected abstract CompiledMap InboundMap { get; }

    /// <summary>
    /// Gets, per canonical field path your system can change, an edit of a payload of your system (as <see cref="ReadTargetAsync"/>
    /// returns it) that changes that field, as a user of your system would: <c>["assignedTechnician.name"] = p =&gt; p["techName"] = "Jo"</c>.
    /// The ownership check makes each edit at each stage it walks, on a fresh record, and checks through <see cref="InboundMap"/> that the
    /// edit changes its field. The stage field and the parent reference are not edited.
    /// </summary>
    protected abstract IReadOnlyDictionary<string, Action<JsonObject>> Edits { get; }

    /// <summary>Gets the field that names the entity's parent, for the parents-before-children check.</summary>
    /// <value>The default value is <see langword="null"/>: the entity has no parent, and that check has nothing to do.</value>
    protected virtual ConformanceReference? Parent => null;

    /// <summary>
    /// Creates your connector's writer for the entity, pointed at your test's target (a replay cassette, a Kestrel app, a fake):
    /// for an <c>EntityWriter</c>, an <c>EntityDestinationWriter</c> around it. It is given the canonical record, its own remote id
    /// in <c>externalReferences</c> once known, and the parent's id in your system; it must answer <see cref="DeliveryResult.DeliveredAs"/>.
    /// </summary>
    /// <returns>The writer; called once per check.</returns>
    protected abstract IDestinationWriter CreateWriter();

    /// <summary>Reads back every record of the entity type your target holds, as your system reports it (what <see cref="InboundMap"/> reads).</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The records.</returns>
    protected abstract ValueTask<IReadOnlyList<ConformanceRecord>> ReadTargetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates a canonical record of the entity type that your writer can write; <paramref name="index"/> tells samples apart (the
    /// checkpoint check creates many). The kit sets the stage to the lifecycle's initial stage and the parent reference itself.
    /// </summary>
    /// <param name="index">The sample's number, from 0.</param>
    /// <returns>The record as canonical JSON.</returns>
    protected abstract JsonObject CreateSample(int index);

    /// <summary>Creates a canonical record of the parent entity type (see <see cref="Parent"/>); the kit sets its stage.</summary>
    /// <param name="index">The sample's number, from 0.</param>
    /// <returns>The parent as canonical JSON; by default a record with only a <c>name</c>.</returns>
    protected virtual JsonObject CreateParentSample(int index) => new() { ["name"] = $"Conformance parent {index}" };

    /// <summary>Creates the writer of the parent entity type into your system.</summary>
    /// <returns>The writer, or <see langword="null"/> (the default) for a <see cref="FakeSystem"/> named as your system, whose remote ids are the parent ids your writer is given.</returns>
    protected virtual IDestinationWriter? CreateParentWriter() => null;

    /// <summary>
    /// Reads one page of your system's changes after a cursor, as your polling reader does (for example an <c>EntityReader</c> with an
    /// <c>IncrementalReader</c>); the checkpoint check pages through records changed at the same instant and fails when one is lost or
    /// repeated. Freeze your target's clock so that they tie.
    /// </summary>
    /// <param name="cursor">The previous page's <see cref="ConformancePage.Cursor"/>, or <see langword="null"/> to start.</param>
    /// <param name="pageSize">The most records on the page.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The page, or <see langword="null"/> (the default) when your connector has no polling reader: the check then pages through the fake peer's feed only.</returns>
    protected virtual ValueTask<ConformancePage?> ReadChangesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
        => ValueTask.FromResult<ConformancePage?>(null);

    private ConformanceHarness StartHarness() => new(new ConformanceSubject(
        System,
        EntityType,
        Policy,
        InboundMap,
        CreateWriter,
        ReadTargetAsync,
        CreateSample,
        Edits,
        Parent,
        CreateParentSample,
        CreateParentWriter,
        ReadChangesAsync));
}
