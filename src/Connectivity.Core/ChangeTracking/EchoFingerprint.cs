using Ardalis.GuardClauses;

namespace Connectivity.ChangeTracking;

/// <summary>What Connectivity wrote to a system for a record: the field paths written and a hash of their values.</summary>
public sealed class EchoFingerprint
{
    /// <summary>Initializes a new instance of the <see cref="EchoFingerprint"/> class.</summary>
    /// <param name="key">The record and the system written to.</param>
    /// <param name="fieldPaths">The concrete field paths written.</param>
    /// <param name="hash">The hash of the written values at those paths.</param>
    /// <param name="writtenAt">When the write was made.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fieldPaths"/> is <see langword="null"/>.</exception>
    public EchoFingerprint(RecordKey key, IReadOnlyList<string> fieldPaths, long hash, DateTimeOffset writtenAt)
    {
        Key = key;
        FieldPaths = Guard.Against.Null(fieldPaths);
        Hash = hash;
        WrittenAt = writtenAt;
    }

    /// <summary>Gets the record and the system written to.</summary>
    public RecordKey Key { get; }

    /// <summary>Gets the concrete field paths written.</summary>
    public IReadOnlyList<string> FieldPaths { get; }

    /// <summary>Gets the hash of the written values.</summary>
    public long Hash { get; }

    /// <summary>Gets when the write was made.</summary>
    public DateTimeOffset WrittenAt { get; }
}
