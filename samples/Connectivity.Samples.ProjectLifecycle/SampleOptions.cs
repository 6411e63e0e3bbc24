using System.Globalization;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>The command line: <c>[--projects N] [--data DIR] [--resume] [--no-faults] [--repair] [--verbose]</c>.</summary>
internal sealed record SampleOptions(int Projects, string DataDirectory, bool Resume, bool Faults, bool Repair, bool Verbose)
{
    public const string Usage = "usage: dotnet run --project samples/Connectivity.Samples.ProjectLifecycle -- [--projects N (default 50)] [--data DIR (default ./sample-data)] [--resume] [--no-faults] [--repair] [--verbose]";

    public static SampleOptions Parse(string[] args)
    {
        var options = new SampleOptions(50, Path.Combine(Directory.GetCurrentDirectory(), "sample-data"), false, true, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--projects" when i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => options with { Projects = n },
                "--data" when i + 1 < args.Length => options with { DataDirectory = Path.GetFullPath(args[++i]) },
                "--resume" => options with { Resume = true },
                "--no-faults" => options with { Faults = false },
                "--repair" => options with { Repair = true },
                "--verbose" => options with { Verbose = true },
                _ => throw new ArgumentException($"unknown or incomplete argument '{args[i]}'"),
            };
        }

        return options;
    }
}
