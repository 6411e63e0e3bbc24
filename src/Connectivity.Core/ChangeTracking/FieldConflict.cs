using Ardalis.GuardClauses;

namespace Connectivity.ChangeTracking;

/// <summary>
/// A field changed on both sides since the base in a way the policy could not settle. Values are raw JSON
/// text; <see langword="null"/> means the field was absent.
/// </summary>
public sealed class FieldConflict
{
    /// <summary>Initializes a new instance of the <see cref="FieldConflict"/> class.</summary>
    /// <param name="key">The record and the system that sent the change.</param>
    /// <param name="fieldPath">The concrete field path.</param>
    /// <param name="owner">The field's owner at <paramref name="stage"/>.</param>
    /// <param name="stage">The record's stage when the change was decided.</param>
    /// <param name="baseValue">The value at the base, as JSON, or <see langword="null"/>.</param>
    /// <param name="currentValue">The current canonical value, as JSON, or <see langword="null"/>.</param>
    /// <param name="incomingValue">The incoming value, as JSON, or <see langword="null"/>.</param>
    /// <param name="detectedAt">When the conflict was found.</param>
    /// <exception cref="ArgumentException"><paramref name="fieldPath"/>, <paramref name="owner"/> or <paramref name="stage"/> is null, empty or white space.</exception>
    public FieldConflict(RecordKey key, string fieldPath, string owner, string stage, string? baseValue, string? currentValue, string? incomingValue, DateTimeOffset detectedAt)
    {
        Key = key;
        FieldPath = Guard.Against.NullOrWhiteSpace(fieldPath);
        Owner = Guard.Against.NullOrWhiteSpace(owner);
        Stage = Guard.Against.NullOrWhiteSpace(stage);
        BaseValue = baseValue;
        CurrentValue = currentValue;
        IncomingValue = incomingValue;
        DetectedAt = detectedAt;
    }

    /// <summary>Gets the record and the system that sent the change.</summary>
    public RecordKey Key { get; }

    /// <summary>Gets the concrete field path.</summary>
    public string FieldPath { get; }

    /// <summary>Gets the field's owner at <see cref="Stage"/>.</summary>
    public string Owner { get; }

    /// <summary>Gets the record's stage when the change was decided.</summary>
    public string Stage { get; }

    /// <summary>Gets the value at the base, as JSON, or <see langword="null"/> when absent.</summary>
    public string? BaseValue { get; }

    /// <summary>Gets the current canonical value, as JSON, or <see langword="null"/> when absent.</summary>
    public string? CurrentValue { get; }

    /// <summary>Gets the incoming value, as JSON, or <see langword="null"/> when absent.</summary>
    public string? IncomingValue { get; }

    /// <summary>Gets when the conflict was found.</summary>
    public DateTimeOffset DetectedAt { get; }
}
