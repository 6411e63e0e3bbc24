using Ardalis.GuardClauses;

namespace Connectivity.Testing.Conformance;

/// <summary>One page of changes read from your system with a cursor, as your polling reader reads it.</summary>
public sealed record ConformancePage
{
    /// <summary>Initializes a new instance of the <see cref="ConformancePage"/> class.</summary>
    /// <param name="records">The records on the page, in the order read.</param>
    /// <param name="cursor">The cursor to save as the checkpoint after the page; the next read starts from it.</param>
    /// <param name="hasMore">Whether there are more pages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public ConformancePage(IReadOnlyList<ConformanceRecord> records, string? cursor, bool hasMore)
    {
        Records = Guard.Against.Null(records);
        Cursor = cursor;
        HasMore = hasMore;
    }

    /// <summary>Gets the records on the page, in the order read.</summary>
    public IReadOnlyList<ConformanceRecord> Records { get; }

    /// <summary>Gets the cursor to save as the checkpoint after the page.</summary>
    public string? Cursor { get; }

    /// <summary>Gets a value indicating whether there are more pages.</summary>
    public bool HasMore { get; }
}
