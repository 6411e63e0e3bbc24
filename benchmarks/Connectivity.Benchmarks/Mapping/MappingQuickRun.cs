using System.Diagnostics;
using System.Globalization;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>
/// The CI trend check (<c>--quick</c>): no BenchmarkDotNet; each contender is warmed up, then timed with a
/// <see cref="Stopwatch"/> for a few seconds, with <see cref="GC.GetAllocatedBytesForCurrentThread"/> for allocations.
/// </summary>
public static class MappingQuickRun
{
    /// <summary>Runs the check and prints one line per contender.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="seconds">How long to time each contender.</param>
    /// <returns>0, or 1 when a contender's output differs from the engine's.</returns>
    public static int Run(TextWriter output, double seconds = 3.5)
    {
        var benchmark = new MappingBenchmark();
        benchmark.Prepare();
        var report = MappingVerifier.Verify(benchmark, MappingBenchmark.RecordCount);
        output.WriteLine(report.Message);
        if (!report.Succeeded)
        {
            return 1;
        }

        var contenders = new (string Name, Func<long> Run)[]
        {
            (nameof(MappingBenchmark.HandWritten), benchmark.HandWritten),
            (nameof(MappingBenchmark.EngineJsonToJson), benchmark.EngineJsonToJson),
            (nameof(MappingBenchmark.EngineViaCanonical), benchmark.EngineViaCanonical),
            (nameof(MappingBenchmark.JsonNodeDom), benchmark.JsonNodeDom),
            (nameof(MappingBenchmark.NewtonsoftJObject), benchmark.NewtonsoftJObject),
        };

        output.WriteLine($"{"contender",-20} {"records/s",12} {"B/record",10} {"ratio",7}");
        double? baseline = null;
        foreach (var (name, run) in contenders)
        {
            Time(run, 1.2);
            var (recordsPerSecond, bytesPerRecord) = Time(run, seconds);
            baseline ??= recordsPerSecond;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {recordsPerSecond,12:N0} {bytesPerRecord,10:N0} {recordsPerSecond / baseline.Value,7:0.00}"));
        }

        return 0;
    }

    private static (double RecordsPerSecond, double BytesPerRecord) Time(Func<long> run, double seconds)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var operations = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        do
        {
            run();
            operations++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);

        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var records = operations * MappingBenchmark.RecordCount;
        return (records / clock.Elapsed.TotalSeconds, (double)allocated / records);
    }
}
