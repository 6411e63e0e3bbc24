using System.Reflection;
using System.Text;

namespace Connectivity.Cli;

/// <summary>
/// The tool in-process: picks the command, parses its arguments, runs it and turns user errors into a message and
/// an exit code. <see cref="Program"/> calls it with the real console; tests call it with their own writers and streams.
/// </summary>
internal static class CliApplication
{
    private static readonly CliCommand[] Commands = [new ValidateCommand(), new RunCommand(), new ExplainCommand()];

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line, without the tool name.</param>
    /// <param name="console">Where to read and write.</param>
    /// <param name="cancellationToken">Stops a run.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0)
        {
            console.Error.Write(Usage);
            return ExitCodes.BadMapOrUsage;
        }

        switch (args[0])
        {
            case "--help" or "-h" or "-?" or "help":
                var about = args.Count > 1 ? Find(args[1]) : null;
                console.Out.Write(about?.Help ?? Usage);
                return ExitCodes.Success;
            case "--version":
                console.Out.WriteLine(Version);
                return ExitCodes.Success;
        }

        var command = Find(args[0]);
        if (command is null)
        {
            console.Error.WriteLine($"connectivity: unknown command '{args[0]}'.");
            console.Error.Write(Usage);
            return ExitCodes.BadMapOrUsage;
        }

        try
        {
            var parsed = CliArguments.Parse(args.Skip(1).ToArray(), command.Options);
            if (parsed.Help)
            {
                console.Out.Write(command.Help);
                return ExitCodes.Success;
            }

            return await command.RunAsync(parsed, console, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            console.Error.WriteLine($"connectivity {command.Name}: {ex.Message}");
            console.Error.WriteLine($"Run 'connectivity {command.Name} --help' for usage.");
            return ExitCodes.BadMapOrUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine($"connectivity {command.Name}: cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    private static string Version =>
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static string Usage
    {
        get
        {
            var text = new StringBuilder()
                .AppendLine("Usage: connectivity <command> [options]")
                .AppendLine()
                .AppendLine("Try a map document on a real export before deploying it.")
                .AppendLine()
                .AppendLine("Commands:");
            foreach (var command in Commands)
            {
                text.Append("  ").Append(command.Name.PadRight(10)).AppendLine(command.Summary);
            }

            return text
                .AppendLine()
                .AppendLine("Run 'connectivity <command> --help' for a command's options; 'connectivity --version' for the version.")
                .AppendLine("Exit codes: 0 ok, 1 some records failed, 2 bad map or usage, 3 I/O failure during a run, 130 cancelled.")
                .ToString();
        }
    }

    private static CliCommand? Find(string name) => Array.Find(Commands, c => c.Name == name);
}
