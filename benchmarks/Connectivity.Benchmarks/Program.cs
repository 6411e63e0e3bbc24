using BenchmarkDotNet.Running;
using Connectivity.Benchmarks.Mapping;

namespace Connectivity.Benchmarks;

/// <summary>
/// Runs the benchmarks through <see cref="BenchmarkSwitcher"/> (for example <c>--filter '*MappingBenchmark*'</c>),
/// or <c>--quick</c> for the CI trend check, or <c>--verify</c> to check the mapping contenders against the engine.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(3.5);
            return MappingQuickRun.Run(Console.Out, seconds);
        }

        if (args.Contains("--verify"))
        {
            var benchmark = new MappingBenchmark();
            benchmark.Prepare();
            var report = MappingVerifier.Verify(benchmark, MappingBenchmark.RecordCount);
            Console.WriteLine(report.Message);
            return report.Succeeded ? 0 : 1;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
