using System.Text.Json;

namespace Connectivity.ChangeTracking;

/// <summary>
/// The decision on one changed field, with everything needed to explain it: the values at the base, in the
/// canonical record and in the incoming record (<see langword="null"/> when absent), the owner and the stage.
/// </summary>
/// <remarks>The values point into the JSON given to <see cref="ChangeDecider.DecideAsync"/>; keep it alive while using them.</remarks>
public sealed class FieldDecision
{
    internal FieldDecision(string fieldPath, FieldDecisionKind kind, FieldDecisionReason reason, string sender, string owner, string stage, JsonElement? baseValue, JsonElement? currentValue, JsonElement? incomingValue)
    {
        FieldPath = fieldPath;
        Kind = kind;
        Reason = reason;
        Sender = sender;
        Owner = owner;
        Stage = stage;
        BaseValue = baseValue;
        CurrentValue = currentValue;
        IncomingValue = incomingValue;
    }

    /// <summary>Gets the concrete field path, for example <c>creditLimit.amount</c>.</summary>
    public string FieldPath { get; }

    /// <summary>Gets the decision.</summary>
    public FieldDecisionKind Kind { get; }

    /// <summary>Gets why.</summary>
    public FieldDecisionReason Reason { get; }

    /// <summary>Gets the stable code of a rejection or conflict (<see cref="Ownership.OwnershipErrorCodes"/>), or <see langword="null"/> when accepted.</summary>
    public string? ErrorCode => Reason switch
    {
        FieldDecisionReason.SenderDoesNotOwnField => Ownership.OwnershipErrorCodes.NotOwner,
        FieldDecisionReason.TransitionNotAllowed => Ownership.OwnershipErrorCodes.TransitionNotAllowed,
        FieldDecisionReason.ChangedOnBothSides => Ownership.OwnershipErrorCodes.Conflict,
        _ => null,
    };

    /// <summary>Gets the system that sent the change.</summary>
    public string Sender { get; }

    /// <summary>Gets the field's owner at <see cref="Stage"/>.</summary>
    public string Owner { get; }

    /// <summary>Gets the stage the field was decided at: the record's stage, or the new one after an accepted stage change.</summary>
    public string Stage { get; }

    /// <summary>Gets the value at the sender's base, or <see langword="null"/> when absent.</summary>
    public JsonElement? BaseValue { get; }

    /// <summary>Gets the current canonical value, or <see langword="null"/> when absent. For a rejection, the value to write back to the sender.</summary>
    public JsonElement? CurrentValue { get; }

    /// <summary>Gets the incoming value, or <see langword="null"/> when absent.</summary>
    public JsonElement? IncomingValue { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{FieldPath}: {Kind} ({Reason}) from {Sender}, owner {Owner} at {Stage}: base {Text(BaseValue)}, current {Text(CurrentValue)}, incoming {Text(IncomingValue)}";

    private static string Text(JsonElement? value) => value is { } v ? v.GetRawText() : "(absent)";
}
