using Connectivity.Connectors.Http.Paging;

namespace Connectivity.Connectors.Incremental;

/// <summary>The new records of one page of an incremental read, and the position to save once they are processed.</summary>
public sealed class IncrementalBatch
{
    internal IncrementalBatch(HttpPage page, IReadOnlyList<ReadOnlyMemory<byte>> records, IncrementalCursor? checkpoint)
    {
        Page = page;
        Records = records;
        Checkpoint = checkpoint;
    }

    /// <summary>Gets the page the records came from.</summary>
    public HttpPage Page { get; }

    /// <summary>Gets the records not processed before, raw UTF-8 JSON, in page order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Records { get; }

    /// <summary>Gets the position after these records (to save with <see cref="IncrementalReader.CommitAsync"/>); <see langword="null"/> when nothing has been read yet.</summary>
    public IncrementalCursor? Checkpoint { get; }
}
