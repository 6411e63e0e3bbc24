namespace Connectivity.Mapping;

/// <summary>How a streamed run went, so far or in the end.</summary>
/// <param name="Records">Records read.</param>
/// <param name="Succeeded">Records mapped and written.</param>
/// <param name="Failed">Records that failed, each reported to the error stream.</param>
/// <param name="BytesRead">Input bytes read.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record MapStreamSummary(long Records, long Succeeded, long Failed, long BytesRead, TimeSpan Elapsed)
{
    /// <summary>Gets the throughput.</summary>
    public double RecordsPerSecond => Elapsed > TimeSpan.Zero ? Records / Elapsed.TotalSeconds : 0;

    /// <inheritdoc />
    public override string ToString()
        => $"{Records:N0} records ({Succeeded:N0} mapped, {Failed:N0} failed) in {Elapsed.TotalSeconds:N1} s, {RecordsPerSecond:N0} records/s, {BytesRead / 1024d / 1024d:N1} MiB read";
}
