namespace Connectivity.Sync;

/// <summary>The result of <see cref="Reconciler.ReconcileAsync"/>: what was compared and every disagreement found.</summary>
public sealed class ReconciliationReport
{
    internal ReconciliationReport(IReadOnlyDictionary<string, int> recordsRead, int recordsCompared, int fieldsCompared, IReadOnlyList<ReconciliationIssue> issues, int repairsEnqueued)
    {
        RecordsRead = recordsRead;
        RecordsCompared = recordsCompared;
        FieldsCompared = fieldsCompared;
        Issues = issues;
        RepairsEnqueued = repairsEnqueued;
    }

    /// <summary>Gets the records read per source (<c>system/entityType</c>).</summary>
    public IReadOnlyDictionary<string, int> RecordsRead { get; }

    /// <summary>Gets the number of linked system records compared with their canonical record.</summary>
    public int RecordsCompared { get; }

    /// <summary>Gets the number of field values compared.</summary>
    public int FieldsCompared { get; }

    /// <summary>Gets every disagreement, ordered by entity type, canonical id, system and field.</summary>
    public IReadOnlyList<ReconciliationIssue> Issues { get; }

    /// <summary>Gets the number of repair messages put in the outbox (when repair was asked for).</summary>
    public int RepairsEnqueued { get; }

    /// <summary>Gets a value indicating whether every system agrees.</summary>
    public bool IsClean => Issues.Count == 0;

    /// <summary>Counts the issues with a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The count.</returns>
    public int Count(string code) => Issues.Count(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString()
        => $"{RecordsCompared} records and {FieldsCompared} fields compared, {Issues.Count} disagreement(s)"
            + (RepairsEnqueued > 0 ? $", {RepairsEnqueued} repair(s) queued" : string.Empty);
}
