using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Connectivity.Cli.Tests;

/// <summary>
/// Mapping a 1 GB NDJSON file with the command line keeps peak memory under 200 MB: the built tool runs as a child
/// process, reads generated account records from its standard input and reports its peak working set
/// (<see cref="Process.PeakWorkingSet64"/>, which is <c>VmHWM</c> on Linux) in its summary line. On Linux the test
/// also samples <c>VmHWM</c> from <c>/proc/&lt;pid&gt;/status</c> itself while the tool runs, as a cross-check.
/// </summary>
public sealed partial class RunCommandLargeInputTests(ITestOutputHelper output)
{
    private const long InputBytes = 1L << 30;
    private const long PeakLimitBytes = 200L * 1024 * 1024;

    private static readonly string[] Types = ["Customer - Direct", "customer - channel", "Partner", "Prospect", "Reseller"];
    private static readonly string[] Terms = ["Net 15", "Net 30", "Net 60", "Due on receipt", "Net 90"];
    private static readonly string[] Currencies = ["eur", "usd", "gbp", "sek", "chf"];
    private static readonly string[] Cities = ["Hamburg", "Rotterdam", "Göteborg", "Lyon", "Gdańsk", "Porto"];
    private static readonly string[] FirstNames = ["Jana", "Lars", "Amara", "Chen", "Mateo", "Zoë"];
    private static readonly string[] LastNames = ["Krüger", "Eriksen", "Okafor", "Wang", "García", "O'Neill"];

    [Fact]
    public async Task Run_OneGibibyteOfNdjsonOnStandardInput_KeepsPeakMemoryUnder200MB()
    {
        var errorsFile = Path.Combine(Path.GetTempPath(), $"connectivity-cli-1gib-{Guid.NewGuid():N}.errors.ndjson");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliPath(), "run", RepositoryPaths.DirectMap, "--input", "-", "--output", OperatingSystem.IsWindows() ? "NUL" : "/dev/null", "--errors", errorsFile })
        {
            info.ArgumentList.Add(arg);
        }

        var stderr = new ConcurrentQueue<string>();
        using var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var sampling = new CancellationTokenSource();
        var sampledPeak = Task.Run(() => SampleVmHwm(process.Id, sampling.Token));
        long records;
        long written;
        try
        {
            using (var stdin = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false), 1 << 16))
            {
                (records, written) = WriteAccounts(stdin, InputBytes);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            sampling.Cancel();
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(errorsFile);
        }

        clock.Stop();
        var vmHwm = await sampledPeak;
        foreach (var line in stderr)
        {
            output.WriteLine(line);
        }

        var summary = stderr.LastOrDefault(static l => l.Contains("peak memory", StringComparison.Ordinal)) ?? string.Empty;
        var match = SummaryPattern().Match(summary);
        Assert.True(match.Success, $"no summary line in:\n{string.Join('\n', stderr)}");
        var reportedPeak = double.Parse(match.Groups["peak"].Value, NumberStyles.Number, CultureInfo.InvariantCulture) * 1024 * 1024;
        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {written / 1024d / 1024d:N0} MiB, {records:N0} records in {seconds:N1} s ({written / 1024d / 1024d / seconds:N1} MiB/s, {records / seconds:N0} records/s); peak working set reported by the tool {reportedPeak / 1024 / 1024:N1} MiB, VmHWM sampled {(vmHwm is null ? "n/a" : $"{vmHwm / 1024d / 1024d:N1} MiB")}"));

        Assert.Equal(0, process.ExitCode);
        Assert.True(written >= InputBytes);
        Assert.Equal(records, ParseCount(match.Groups["records"].Value));
        Assert.Equal(records, ParseCount(match.Groups["mapped"].Value));
        Assert.Equal(0, ParseCount(match.Groups["failed"].Value));
        Assert.True(reportedPeak < PeakLimitBytes, $"peak working set {reportedPeak / 1024 / 1024:N1} MiB is not under 200 MiB");
        Assert.True(vmHwm is null || vmHwm < PeakLimitBytes, $"sampled VmHWM {vmHwm / 1024d / 1024d:N1} MiB is not under 200 MiB");
    }

    /// <summary>Writes varied CRM accounts, one a line, until <paramref name="bytes"/> are written; nothing is kept.</summary>
    private static (long Records, long Bytes) WriteAccounts(StreamWriter writer, long bytes)
    {
        var line = new StringBuilder(4096);
        long records = 0;
        long written = 0;
        while (written < bytes)
        {
            line.Clear();
            AppendAccount(line, records);
            line.Append('\n');
            writer.Write(line);
            written += Encoding.UTF8.GetByteCount(line.ToString());
            records++;
        }

        writer.Flush();
        return (records, written);
    }

    private static void AppendAccount(StringBuilder s, long n)
    {
        var i = (int)(n % 997);
        var inv = CultureInfo.InvariantCulture;
        s.Append(inv, $$"""{"attributes":{"type":"Account","url":"/services/data/v59.0/sobjects/Account/001{{n:D15}}"},"Id":"001{{n:D15}}","IsDeleted":false,""");
        s.Append(inv, $$""" "Name":"  Account {{n}} {{Cities[i % Cities.Length]}} GmbH ","AccountNumber":"C-{{n + 10000}}","Type":"{{Types[i % Types.Length]}}",""");
        s.Append(inv, $$""" "Industry":"Construction","Phone":"+49 40 {{1000000 + i}}","Fax":null,"Website":"https://account{{n}}.example","NumberOfEmployees":{{i * 3}},""");
        s.Append(inv, $$""" "Payment_Terms__c":"{{Terms[i % Terms.Length]}}","Credit_Limit__c":"{{i * 1000 + 0.5m}}","CurrencyIsoCode":"{{Currencies[i % Currencies.Length]}}",""");
        s.Append(inv, $$""" "Status__c":"{{(i % 3 == 0 ? "Inactive" : "Active")}}","Tax_Id__c":{{(i % 4 == 0 ? "null" : $"\"DE{800000000 + i}\"")}},"Region__c":"UNKNOWN",""");
        s.Append(inv, $$""" "Customer_Since__c":"20{{10 + (i % 15):D2}}-{{1 + (i % 12):D2}}-{{1 + (i % 28):D2}}","CreatedDate":"2024-{{1 + (i % 12):D2}}-{{1 + (i % 28):D2}}T08:{{i % 60:D2}}:00.000+0000",""");
        s.Append(inv, $$""" "Description":"Generated account {{n}}; \"quoted\" text and a tab\t.",""");
        if (i % 5 != 0)
        {
            s.Append(inv, $$""" "BillingAddress":{"street":"Am Sandtorkai {{i}}","city":"{{Cities[i % Cities.Length]}}","state":"HH","postalCode":"{{20000 + i}}","country":"DE","latitude":null,"longitude":null},""");
        }

        if (i % 2 == 0)
        {
            s.Append(inv, $$""" "ShippingAddress":{"street":"Hafenstraße {{i}}","city":"{{Cities[(i + 1) % Cities.Length]}}","state":null,"postalCode":"{{20400 + i}}","country":"DE"},""");
        }

        var contacts = i % 4;
        s.Append(inv, $$""" "Contacts":{"totalSize":{{contacts}},"done":true,"records":[""");
        for (var c = 0; c < contacts; c++)
        {
            var first = FirstNames[(i + c) % FirstNames.Length];
            var last = LastNames[(i + (2 * c)) % LastNames.Length];
            s.Append(c == 0 ? string.Empty : ",");
            s.Append(inv, $$"""{"attributes":{"type":"Contact"},"Id":"003{{n:D12}}{{c}}","FirstName":"{{first}}","LastName":"{{last}}","Email":"{{first}}.{{c}}@Account{{n}}.example","Phone":null,"Title":"Manager {{c}}"}""");
        }

        s.Append("]}}");
    }

    private static long? SampleVmHwm(int pid, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        long? peak = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        peak = Math.Max(peak ?? 0, kib * 1024);
                    }
                }
            }
            catch (IOException)
            {
                // The process has exited (or not started yet).
            }

            cancellationToken.WaitHandle.WaitOne(200);
        }

        return peak;
    }

    private static long ParseCount(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The tool's dll, copied next to the tests by the project reference, with its runtimeconfig.json.</summary>
    private static string CliPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Connectivity.Cli.dll");
        Assert.True(File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), $"{path} or its runtimeconfig.json is missing; build the test project first");
        return path;
    }

    [GeneratedRegex(@"^(?<records>[\d,]+) records \((?<mapped>[\d,]+) mapped, (?<failed>[\d,]+) failed\).*peak memory (?<peak>[\d,.]+) MiB$")]
    private static partial Regex SummaryPattern();
}
