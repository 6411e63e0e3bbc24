using System.Diagnostics;
using System.Text;

namespace Connectivity.Samples.ProjectLifecycle.Tests;

/// <summary>The sample as a child process, killed with SIGKILL in the middle of a run and started again on the same data.</summary>
public sealed class SampleRestartTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    private readonly string _data = Directory.CreateTempSubdirectory("cnx-sample-kill-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Run_KilledMidRunThenResumed_EndsWithTheSameCleanReport()
    {
        // First run: killed once the change orders are agreed, while the ERP approvals are being synchronised.
        using (var first = Start("--projects", "12", "--data", _data))
        {
            var output = new StringBuilder();
            var reachedStep4 = new TaskCompletionSource();
            first.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (e.Data?.StartsWith("[ 3/12]", StringComparison.Ordinal) == true)
                {
                    reachedStep4.TrySetResult();
                }
            };
            first.BeginOutputReadLine();
            first.BeginErrorReadLine();

            var finished = await Task.WhenAny(reachedStep4.Task, first.WaitForExitAsync(), Task.Delay(RunTimeout));
            Assert.True(finished == reachedStep4.Task, $"The first run did not reach step 4:{Environment.NewLine}{output}");
            await Task.Delay(300);
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, no disposal
            await first.WaitForExitAsync();
            Assert.NotEqual(0, first.ExitCode);
        }

        // Second run: the same data folder, resumed.
        using var second = Start("--projects", "12", "--data", _data, "--resume");
        var stdout = second.StandardOutput.ReadToEndAsync();
        var stderr = second.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        await second.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;

        Assert.True(second.ExitCode == 0, text);
        Assert.Contains("(resumed)", text, StringComparison.Ordinal);
        Assert.Contains("caught up:", text, StringComparison.Ordinal);
        Assert.Contains("records compared               252", text, StringComparison.Ordinal);
        Assert.Contains("disagreements                    0", text, StringComparison.Ordinal);
        Assert.Contains("dead letters                     0", text, StringComparison.Ordinal);
        Assert.Contains("duplicates in targets            0", text, StringComparison.Ordinal);
    }

    private static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(SampleAssembly());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>The sample's own build output (its runtimeconfig names the ASP.NET Core framework), built with this test project.</summary>
    private static string SampleAssembly()
    {
        const string Name = "Connectivity.Samples.ProjectLifecycle";
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(Path.Combine(here, Name + ".runtimeconfig.json")))
        {
            return Path.Combine(here, Name + ".dll");
        }

        // tests/<project>/bin/<configuration>/<framework>  ->  samples/<sample>/bin/<configuration>/<framework>
        var framework = Path.GetFileName(here);
        var configuration = Path.GetFileName(Path.GetDirectoryName(here)!);
        var root = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", ".."));
        var path = Path.Combine(root, "samples", Name, "bin", configuration, framework, Name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The sample's build output was not found.", path);
    }
}
