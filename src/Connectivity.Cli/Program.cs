namespace Connectivity.Cli;

/// <summary>The <c>connectivity</c> tool's process entry point: wires the real console to <see cref="CliApplication"/>.</summary>
internal static class Program
{
    /// <summary>How long a cancelled run may take to stop on its own before the process leaves without it.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the run cleanly (buffers flushed, message printed); a second one kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };

        var run = CliApplication.RunAsync(args, CliConsole.System, cancellation.Token);
        var cancelled = Task.Delay(Timeout.Infinite, cancellation.Token).ContinueWith(static _ => Task.Delay(StopGrace), TaskScheduler.Default).Unwrap();
        if (await Task.WhenAny(run, cancelled).ConfigureAwait(false) != run)
        {
            // A read from a pipe or terminal does not observe the token; do not wait for the writer to go away.
            await Console.Error.WriteLineAsync("connectivity: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        return await run.ConfigureAwait(false);
    }
}
