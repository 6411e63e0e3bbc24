namespace Connectivity.Cli;

/// <summary><c>connectivity explain &lt;map.json&gt;</c>: prints, for each target field, the source paths and rules behind it.</summary>
internal sealed class ExplainCommand : CliCommand
{
    public override string Name => "explain";

    public override string Summary => "Show, for each target field, the source paths, rules and value maps behind it.";

    public override string Help => """
        Usage: connectivity explain <map.json>

        Prints one line per target field: the target path, the source paths it reads, the rules and
        transforms applied, and the functions and value maps used.

        Exit codes: 0 explained, 2 the map has problems (listed on standard error) or cannot be read.

        """;

    public override ValueTask<int> RunAsync(CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var path = MapPath(args);
        var result = MapFile.Load(path);
        if (!result.Succeeded)
        {
            MapFile.WriteProblems(path, result.Errors, console.Error);
            console.Error.WriteLine($"connectivity explain: the map document has {result.Errors.Count} problem(s); nothing to explain.");
            return ValueTask.FromResult(ExitCodes.BadMapOrUsage);
        }

        console.Out.Write(result.Map!.Explain().ToString());
        return ValueTask.FromResult(ExitCodes.Success);
    }
}
