using Connectivity.ChangeTracking;

namespace Connectivity.Sync;

/// <summary>The result of <see cref="SyncFlow.ProcessAsync"/>: a value, never an exception, for an expected outcome.</summary>
public sealed class SyncResult
{
    internal SyncResult(SyncRecord record, SyncOutcome outcome, string? canonicalId, ChangeDecision? decision, IReadOnlyList<string> destinations, IReadOnlyList<string> errors)
    {
        Record = record;
        Outcome = outcome;
        CanonicalId = canonicalId;
        Decision = decision;
        Destinations = destinations;
        Errors = errors;
    }

    /// <summary>Gets the record processed.</summary>
    public SyncRecord Record { get; }

    /// <summary>Gets what happened.</summary>
    public SyncOutcome Outcome { get; }

    /// <summary>Gets the canonical id of the record, or <see langword="null"/> when it was not resolved (duplicate or invalid input).</summary>
    public string? CanonicalId { get; }

    /// <summary>Gets the change decision, or <see langword="null"/> when none was made.</summary>
    public ChangeDecision? Decision { get; }

    /// <summary>Gets the systems a message was put in the outbox for (write-backs to the sender included).</summary>
    public IReadOnlyList<string> Destinations { get; }

    /// <summary>Gets why an <see cref="SyncOutcome.Invalid"/> record was refused, each naming the record and field; empty otherwise.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Record}: {Outcome}{(CanonicalId is null ? string.Empty : $" as {CanonicalId}")}"
            + (Destinations.Count > 0 ? $" -> {string.Join(", ", Destinations)}" : string.Empty)
            + (Errors.Count > 0 ? $": {string.Join("; ", Errors)}" : string.Empty);
}
