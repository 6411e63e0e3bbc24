using Connectivity.Mapping;

namespace Connectivity.Cli.Internal;

/// <summary>
/// The progress line on standard error: records, records per second, MiB read (and how far through a file).
/// On a terminal it overwrites itself; redirected, it writes a line each time, so a log stays readable.
/// </summary>
/// <remarks>The engine reports synchronously, from the thread that maps, about once a second; nothing here needs a lock.</remarks>
internal sealed class ProgressLine(TextWriter writer, bool overwrite, long? totalBytes) : IProgress<MapStreamSummary>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.9);
    private TimeSpan _last;
    private int _shown;

    public void Report(MapStreamSummary value)
    {
        // Quiet for a run shorter than a second, and for the engine's closing report right after a periodic one:
        // the summary line follows anyway.
        if (value.Elapsed - _last < Interval)
        {
            return;
        }

        _last = value.Elapsed;
        var text = $"{value.Records:N0} records, {value.RecordsPerSecond:N0} records/s, {value.BytesRead / 1024d / 1024d:N1} MiB read";
        if (totalBytes is > 0 and var total)
        {
            text += $" ({Math.Min(100, 100d * value.BytesRead / total):N0}%)";
        }

        if (value.Failed > 0)
        {
            text += $", {value.Failed:N0} failed";
        }

        if (overwrite)
        {
            writer.Write('\r' + text.PadRight(_shown));
            _shown = text.Length;
        }
        else
        {
            writer.WriteLine(text);
        }

        writer.Flush();
    }

    /// <summary>Removes an overwriting line, so the summary starts on a clean line.</summary>
    public void Clear()
    {
        if (_shown > 0)
        {
            writer.Write('\r' + new string(' ', _shown) + '\r');
            _shown = 0;
        }
    }
}
