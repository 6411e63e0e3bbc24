using System.Text;

namespace Connectivity.Cli.Tests;

/// <summary>Runs the tool in-process with captured writers and streams.</summary>
internal static class CliHarness
{
    public static async Task<CliResult> RunAsync(string[] args, byte[]? standardInput = null)
    {
        using var @out = new StringWriter();
        using var error = new StringWriter();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var console = new CliConsole(
            @out,
            error,
            () => new MemoryStream(standardInput ?? []),
            () => stdout,
            () => stderr,
            ErrorIsTerminal: false);

        var exitCode = await CliApplication.RunAsync(args, console);

        // A disposed MemoryStream still gives its bytes.
        return new CliResult(exitCode, @out.ToString(), error.ToString(), stdout.ToArray(), stderr.ToArray());
    }
}

/// <summary>What a run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error, byte[] StandardOutput, byte[] StandardErrorBytes)
{
    public string StandardOutputText => Encoding.UTF8.GetString(StandardOutput);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}\n--- stdout\n{StandardOutputText}";
}
