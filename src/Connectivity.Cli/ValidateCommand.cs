namespace Connectivity.Cli;

/// <summary><c>connectivity validate &lt;map.json&gt;</c>: loads and compiles a map document and lists every problem.</summary>
internal sealed class ValidateCommand : CliCommand
{
    public override string Name => "validate";

    public override string Summary => "Check a map document; list every problem with its line, column, code and path.";

    public override string Help => """
        Usage: connectivity validate <map.json>

        Loads and compiles the map document, checking a document that names a canonical "entity"
        against the canonical model. Prints every problem, one a line:

          file(line,col): CODE path: message

        or one line saying the map is valid.

        Exit codes: 0 valid, 2 problems found or the file cannot be read.

        """;

    public override ValueTask<int> RunAsync(CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var path = MapPath(args);
        var result = MapFile.Load(path);
        if (!result.Succeeded)
        {
            MapFile.WriteProblems(path, result.Errors, console.Out);
            var count = result.Errors.Count;
            console.Out.WriteLine($"{path}: {count} problem{(count == 1 ? string.Empty : "s")}.");
            return ValueTask.FromResult(ExitCodes.BadMapOrUsage);
        }

        var fields = result.Map!.Explain().Fields.Count;
        console.Out.WriteLine($"{path}: OK, {MapFile.Describe(result.Map.Definition)}, {fields} target field{(fields == 1 ? string.Empty : "s")}.");
        return ValueTask.FromResult(ExitCodes.Success);
    }
}
