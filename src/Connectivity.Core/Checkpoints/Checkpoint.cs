namespace Connectivity.Checkpoints;

/// <summary>A stored cursor.</summary>
/// <param name="Key">Whose cursor it is.</param>
/// <param name="Cursor">The cursor (a timestamp, a change token, a page link), opaque to the store.</param>
/// <param name="UpdatedAt">When it was last saved.</param>
public sealed record Checkpoint(CheckpointKey Key, string Cursor, DateTimeOffset UpdatedAt);
