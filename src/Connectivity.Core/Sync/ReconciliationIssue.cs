namespace Connectivity.Sync;

/// <summary>One disagreement the <see cref="Reconciler"/> found.</summary>
/// <param name="Code">The stable code (<see cref="SyncErrorCodes"/>, CNX71xx).</param>
/// <param name="System">The system that disagrees.</param>
/// <param name="EntityType">The entity type.</param>
/// <param name="CanonicalId">The canonical id, when the record is linked.</param>
/// <param name="RemoteId">The system's id of the record, when known.</param>
/// <param name="FieldPath">The field that differs, for <see cref="SyncErrorCodes.FieldDrift"/>.</param>
/// <param name="Expected">The canonical (owner's) value as JSON, or <see langword="null"/> when absent.</param>
/// <param name="Actual">The system's value as JSON, or <see langword="null"/> when absent.</param>
/// <param name="Owner">The system that owns the field at the record's stage, for <see cref="SyncErrorCodes.FieldDrift"/>.</param>
public sealed record ReconciliationIssue(
    string Code, string System, string EntityType, string? CanonicalId, string? RemoteId, string? FieldPath, string? Expected, string? Actual, string? Owner)
{
    /// <inheritdoc />
    public override string ToString() => Code switch
    {
        SyncErrorCodes.FieldDrift => $"{Code} {EntityType} {CanonicalId} in {System} ({RemoteId}): '{FieldPath}' is {Actual ?? "(absent)"}, {Owner} owns it and it is {Expected ?? "(absent)"}",
        SyncErrorCodes.MissingInSystem => $"{Code} {EntityType} {CanonicalId} is not in {System}{(RemoteId is null ? string.Empty : $" (linked as {RemoteId})")}",
        SyncErrorCodes.Unlinked => $"{Code} {EntityType} {RemoteId} in {System} is not linked to a canonical record",
        SyncErrorCodes.DuplicateInSystem => $"{Code} {EntityType} {CanonicalId} is in {System} more than once: {RemoteId}",
        _ => $"{Code} {EntityType} {CanonicalId} {System} {RemoteId}",
    };
}
