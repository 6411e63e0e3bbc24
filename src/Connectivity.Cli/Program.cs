namespace Connectivity.Cli;

/// <summary>The <c>connectivity</c> tool's process entry point: wires the real console to <see cref="CliApplication"/>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the run cleanly (buffers flushed, summary printed); a second one kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };

        return await CliApplication.RunAsync(args, CliConsole.System, cancellation.Token).ConfigureAwait(false);
    }
}
