using Connectivity.Checkpoints;

namespace Connectivity.Connectors.Incremental;

/// <summary>What an <see cref="IncrementalReader"/> reads and where it keeps its place.</summary>
public sealed class IncrementalReadOptions
{
    /// <summary>Gets or sets whose checkpoint this is (connector, stream, partition).</summary>
    /// <value>The default value is the default key; it must be set.</value>
    public CheckpointKey Key { get; set; }

    /// <summary>Gets or sets the path of the cursor field in a record, for example <c>updatedAt</c> or <c>SystemModstamp</c>.</summary>
    /// <value>The default value is <c>updatedAt</c>.</value>
    public string CursorPath { get; set; } = "updatedAt";

    /// <summary>Gets or sets the path of the id field in a record: the tie-break among records with one cursor value.</summary>
    /// <value>The default value is <c>id</c>.</value>
    public string IdPath { get; set; } = "id";

    /// <summary>
    /// Gets or sets how far before the checkpoint a read starts again, for targets whose change times are not in commit order.
    /// Records inside the window are delivered again (downstream change detection drops the unchanged); with no window, a record
    /// at or before the checkpoint is never delivered twice.
    /// </summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>: no lookback.</value>
    public TimeSpan LookbackWindow { get; set; } = TimeSpan.Zero;
}
