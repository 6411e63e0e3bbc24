using System.Text.Json;
using Connectivity.ChangeTracking.Internal;

namespace Connectivity.ChangeTracking;

/// <summary>
/// What change detection and the ownership policy decided about one incoming record: a value to inspect,
/// log and test. Apply it with <see cref="ApplyTo"/>; write <see cref="WriteBacks"/> back to the sender.
/// </summary>
public sealed class ChangeDecision
{
    internal ChangeDecision(RecordKey key, ChangeOutcome outcome, string? stageBefore, string? stageAfter, IReadOnlyList<FieldDecision> fields, int echoedFields)
    {
        Key = key;
        Outcome = outcome;
        StageBefore = stageBefore;
        StageAfter = stageAfter;
        Fields = fields;
        EchoedFields = echoedFields;
        Accepted = [.. fields.Where(static f => f.Kind == FieldDecisionKind.Accepted)];
        Rejected = [.. fields.Where(static f => f.Kind == FieldDecisionKind.Rejected)];
        Conflicts = [.. fields.Where(static f => f.Kind == FieldDecisionKind.Conflict)];
    }

    /// <summary>Gets the record and the system that sent it.</summary>
    public RecordKey Key { get; }

    /// <summary>Gets the outcome for the record as a whole.</summary>
    public ChangeOutcome Outcome { get; }

    /// <summary>Gets the record's stage before the change, or <see langword="null"/> for a record not yet in the canonical store.</summary>
    public string? StageBefore { get; }

    /// <summary>Gets the record's stage after the change (the new stage when a stage change was accepted).</summary>
    public string? StageAfter { get; }

    /// <summary>Gets the decision on every changed field, the stage first when it changed.</summary>
    public IReadOnlyList<FieldDecision> Fields { get; }

    /// <summary>Gets the accepted fields.</summary>
    public IReadOnlyList<FieldDecision> Accepted { get; }

    /// <summary>Gets the rejected fields.</summary>
    public IReadOnlyList<FieldDecision> Rejected { get; }

    /// <summary>Gets the conflicting fields (also in the conflict store).</summary>
    public IReadOnlyList<FieldDecision> Conflicts { get; }

    /// <summary>Gets the fields whose owner's value (<see cref="FieldDecision.CurrentValue"/>) is to be written back to the sender so the systems converge: the rejected ones.</summary>
    public IReadOnlyList<FieldDecision> WriteBacks => Rejected;

    /// <summary>Gets how many of the sender's fields were recognised as the echo of an earlier write and dropped.</summary>
    public int EchoedFields { get; }

    /// <summary>Writes the canonical record with the accepted changes applied.</summary>
    /// <param name="current">The current canonical record, or <see langword="null"/> for a new one.</param>
    /// <returns>The new canonical record as UTF-8 JSON.</returns>
    public byte[] ApplyTo(JsonElement? current)
        => JsonFields.Patch(current, Accepted.Select(static f => (f.FieldPath, f.IncomingValue)));

    /// <inheritdoc />
    public override string ToString()
        => $"{Key}: {Outcome}, {Accepted.Count} accepted, {Rejected.Count} rejected, {Conflicts.Count} conflict(s), stage {StageBefore ?? "(new)"} -> {StageAfter}";
}
