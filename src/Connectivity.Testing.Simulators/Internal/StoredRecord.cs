using System.Text.Json.Nodes;

namespace Connectivity.Testing.Simulators.Internal;

/// <summary>One record of a simulated table. Guarded by the owning system's lock.</summary>
internal sealed class StoredRecord(string table, string id, long ordinal, DateTimeOffset created)
{
    public string Table { get; } = table;

    public string Id { get; } = id;

    /// <summary>Gets the 1-based creation number of the record in its table (source of assigned numbers).</summary>
    public long Ordinal { get; } = ordinal;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; set; } = created;

    /// <summary>Gets or sets the write count: 1 after the create, +1 per update.</summary>
    public long Version { get; set; } = 1;

    /// <summary>Gets or sets the system-wide change sequence of the last write: the precise order of changes.</summary>
    public long Sequence { get; set; }

    /// <summary>Gets the record exactly as the plain GET of the API returns it, system fields included.</summary>
    public JsonObject Data { get; } = [];
}
