using System.Diagnostics;
using System.Globalization;
using Connectivity.Cli.Internal;
using Connectivity.Mapping;

namespace Connectivity.Cli;

/// <summary>
/// <c>connectivity run &lt;map.json&gt; --input &lt;file|-&gt;</c>: streams an export through the map, mapped records to
/// NDJSON, failed records to an errors file, progress and a summary (with peak memory) to standard error.
/// </summary>
internal sealed class RunCommand : CliCommand
{
    private const string ErrorsSuffix = ".errors.ndjson";
    private const string StdinErrorsFile = "stdin" + ErrorsSuffix;
    private const int SniffChunk = 64 * 1024;

    public override string Name => "run";

    public override string Summary => "Map an NDJSON or JSON export, streaming; records out as NDJSON, failures to an errors file.";

    public override string Help => """
        Usage: connectivity run <map.json> --input <file|-> [options]

        Streams the input through the map: one mapped record a line (NDJSON) to the output, one
        line per failed record to the errors file. Memory stays flat however large the input is.

        Options:
          -i, --input <file|->        The export to map; '-' reads standard input. Required.
          -f, --format <ndjson|json>  ndjson: one record a line. json: a JSON array, or an array inside an
                                      envelope (see --array-path). Default: detected from the first
                                      non-blank byte: '[' (or '{' with --array-path) is json, else ndjson.
          --array-path <path>         Where the record array sits in a JSON envelope: records, value, d.results.
          -o, --output <file|->       Where mapped records go. Default: '-', standard output.
          -e, --errors <file|->       Where failed records go, one NDJSON line each ({"record":n,"errors":[...]}).
                                      Default: <output>.errors.ndjson beside an output file; when the output is
                                      standard output (or a device such as /dev/null), <input file name>.errors.ndjson
                                      in the current directory (stdin.errors.ndjson for standard input).
                                      '-' writes them to standard error. The file is created (or replaced) only
                                      when a record fails.
          --max-record-bytes <n>      The largest record accepted; a larger one fails with CNX1008. Default: 16777216.

        Progress (records, records/s, MiB read) goes to standard error about once a second, then a summary
        line with the peak working set of the process.

        Exit codes: 0 every record mapped, 1 some records failed, 2 bad map or usage (or an input or
        output that cannot be opened), 3 I/O failure during the run, 130 cancelled.

        Examples:
          connectivity run crm-account-to-erp-customer.map.json --input accounts.ndjson --output customers.ndjson
          curl -s https://crm.example/accounts | connectivity run account.map.json --input - --array-path value > out.ndjson

        """;

    public override IReadOnlyDictionary<string, string?> Options { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["--input"] = "-i",
        ["--format"] = "-f",
        ["--array-path"] = null,
        ["--output"] = "-o",
        ["--errors"] = "-e",
        ["--max-record-bytes"] = null,
    };

    public override async ValueTask<int> RunAsync(CliArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var settings = Settings.From(MapPath(args), args);
        var result = MapFile.Load(settings.MapPath);
        if (!result.Succeeded)
        {
            MapFile.WriteProblems(settings.MapPath, result.Errors, console.Error);
            console.Error.WriteLine($"connectivity run: the map document has {result.Errors.Count} problem(s); nothing was mapped.");
            return ExitCodes.BadMapOrUsage;
        }

        var input = OpenInput(settings.Input, console);
        await using (input.ConfigureAwait(false))
        {
            var (format, records) = await SniffAsync(input, settings, cancellationToken).ConfigureAwait(false);
            var output = OpenOutput(settings.Output, console);
            await using (output.ConfigureAwait(false))
            {
                var errors = settings.Errors == "-" ? console.OpenStandardError() : new LazyFileStream(settings.Errors);
                await using (errors.ConfigureAwait(false))
                {
                    return await MapAsync(result.Map!, settings, format, records, output, errors, console, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async ValueTask<int> MapAsync(CompiledMap map, Settings settings, InputFormat format, Stream records, Stream output, Stream errors, CliConsole console, CancellationToken cancellationToken)
    {
        var progress = new ProgressLine(console.Error, console.ErrorIsTerminal && settings.Errors != "-", settings.Input == "-" ? null : new FileInfo(settings.Input).Length);
        var options = new MapStreamOptions { ArrayPath = settings.ArrayPath, Progress = progress };
        if (settings.MaxRecordBytes is { } max)
        {
            options.MaxRecordBytes = max;
        }

        MapStreamSummary summary;
        try
        {
            summary = format == InputFormat.Json
                ? await map.MapJsonArrayAsync(records, output, errors, options, cancellationToken).ConfigureAwait(false)
                : await map.MapNdjsonAsync(records, output, errors, options, cancellationToken).ConfigureAwait(false);
            await errors.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            progress.Clear();
            console.Error.WriteLine($"connectivity run: the run stopped: {ex.Message}");
            return ExitCodes.IoFailure;
        }

        progress.Clear();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary}, {format.ToString().ToLowerInvariant()} in, peak memory {peak / 1024d / 1024d:N1} MiB"));
        if (summary.Failed > 0)
        {
            var where = settings.Errors == "-" ? "standard error" : Path.GetFullPath(settings.Errors);
            console.Error.WriteLine($"{summary.Failed:N0} failed record(s) written to {where}.");
            return ExitCodes.RecordsFailed;
        }

        if (summary.Records == 0)
        {
            console.Error.WriteLine("warning: the input has no record.");
        }

        return ExitCodes.Success;
    }

    private static Stream OpenInput(string input, CliConsole console)
    {
        if (input == "-")
        {
            return console.OpenStandardInput();
        }

        if (!File.Exists(input))
        {
            throw new UsageException(Directory.Exists(input) ? $"input '{input}' is a directory, not a file." : $"input '{input}' does not exist.");
        }

        try
        {
            return new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"input '{input}' cannot be read: {ex.Message}", ex);
        }
    }

    private static Stream OpenOutput(string output, CliConsole console)
    {
        if (output == "-")
        {
            return console.OpenStandardOutput();
        }

        try
        {
            // The engine writes in 64 KiB batches: no buffer of our own.
            return new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"output '{output}' cannot be written: {ex.Message}", ex);
        }
    }

    /// <summary>Reads up to the first non-blank byte to choose the format, and hands back a stream that still starts at the beginning.</summary>
    private static async ValueTask<(InputFormat Format, Stream Records)> SniffAsync(Stream input, Settings settings, CancellationToken cancellationToken)
    {
        var buffer = new byte[SniffChunk];
        var length = 0;
        var start = 0;
        var first = -1;
        while (first < 0 && length < buffer.Length)
        {
            var read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (start == 0 && length >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                // Exports from Windows tools often start with a UTF-8 byte order mark; JSON readers do not want it.
                start = 3;
            }

            var at = buffer.AsSpan(start, length - start).IndexOfAnyExcept(" \t\r\n"u8);
            first = at < 0 ? -1 : buffer[start + at];
        }

        var format = settings.Format ?? (first == '[' || (first == '{' && settings.ArrayPath is not null) ? InputFormat.Json : InputFormat.Ndjson);
        return (format, new PrefixedStream(buffer.AsMemory(start, length - start), input));
    }

    private enum InputFormat
    {
        Ndjson,
        Json,
    }

    /// <summary>The run's options, checked before anything is opened.</summary>
    private sealed record Settings(string MapPath, string Input, string Output, string Errors, InputFormat? Format, string? ArrayPath, int? MaxRecordBytes)
    {
        public static Settings From(string mapPath, CliArguments args)
        {
            var input = args.Get("--input") ?? throw new UsageException("--input is required: a file, or '-' for standard input.");
            var output = args.Get("--output") ?? "-";
            InputFormat? format = args.Get("--format")?.ToLowerInvariant() switch
            {
                null => null,
                "ndjson" or "jsonl" => InputFormat.Ndjson,
                "json" => InputFormat.Json,
                var other => throw new UsageException($"--format must be ndjson or json, not '{other}'."),
            };
            var arrayPath = args.Get("--array-path");
            if (arrayPath is not null && format == InputFormat.Ndjson)
            {
                throw new UsageException("--array-path is for --format json: an NDJSON input has no envelope.");
            }

            if (arrayPath is { Length: 0 })
            {
                throw new UsageException("--array-path is empty; leave it out when the document itself is the array.");
            }

            int? maxRecordBytes = null;
            if (args.Get("--max-record-bytes") is { } max)
            {
                maxRecordBytes = int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                    ? value
                    : throw new UsageException($"--max-record-bytes must be a whole number of bytes above 0 (at most {int.MaxValue}), not '{max}'.");
            }

            var errors = args.Get("--errors") ?? DefaultErrors(input, output);
            if (input != "-" && output != "-" && SamePath(input, output))
            {
                throw new UsageException($"--output '{output}' is the input file; it would be overwritten while it is read.");
            }

            if (errors != "-" && ((input != "-" && SamePath(errors, input)) || (output != "-" && SamePath(errors, output))))
            {
                throw new UsageException($"--errors '{errors}' is the input or output file; give the errors a file of their own.");
            }

            return new Settings(mapPath, input, output, errors, format, arrayPath, maxRecordBytes);
        }

        private static string DefaultErrors(string input, string output)
        {
            if (output != "-" && !IsDevice(output))
            {
                return output + ErrorsSuffix;
            }

            return input == "-" ? StdinErrorsFile : Path.GetFileName(input) + ErrorsSuffix;
        }

        private static bool IsDevice(string path)
            => File.Exists(path) && (File.GetAttributes(path) & FileAttributes.Device) != 0
               || Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal);

        private static bool SamePath(string a, string b)
            => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
