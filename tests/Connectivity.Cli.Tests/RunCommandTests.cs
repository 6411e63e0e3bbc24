using System.Text;
using System.Text.Json.Nodes;

namespace Connectivity.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_FixtureAccountAsNdjsonFile_WritesTheGoldenCustomer()
    {
        var input = _temp.Write("accounts.ndjson", TestMaps.AccountLine + "\n");
        var output = _temp.File("customers.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--output", output]);

        Assert.Equal(0, result.ExitCode);
        var customer = Assert.Single(TestMaps.ParseNdjson(File.ReadAllText(output)));
        Assert.True(JsonNode.DeepEquals(TestMaps.GoldenCustomer, customer), customer.ToJsonString());
        Assert.False(File.Exists(output + ".errors.ndjson"));
        Assert.Contains("1 records (1 mapped, 0 failed)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("records")]
    [InlineData("value")]
    [InlineData("d.results")]
    public async Task Run_JsonArrayInEnvelope_MapsEveryElementWithFormatDetected(string arrayPath)
    {
        var array = $"[{TestMaps.AccountLineWithId("A-1")},{TestMaps.AccountLineWithId("A-2")},{TestMaps.AccountLineWithId("A-3")}]";
        var envelope = arrayPath.Split('.').Reverse().Aggregate(array, static (inner, name) => $"{{\"@odata.context\":\"x\",\"{name}\":{inner},\"done\":true}}");
        var input = _temp.Write("page.json", "\n  " + envelope);
        var output = _temp.File("customers.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--array-path", arrayPath, "--output", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var customers = TestMaps.ParseNdjson(File.ReadAllText(output));
        Assert.Equal(["A-1", "A-2", "A-3"], customers.Select(static c => (string)c["externalId"]!));
        Assert.Contains("3 records (3 mapped, 0 failed)", result.Error, StringComparison.Ordinal);
        Assert.Contains("json in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TopLevelJsonArray_IsDetectedAndMatchesTheGolden()
    {
        var input = _temp.Write("accounts.json", $"[{TestMaps.AccountLine}]");
        var output = _temp.File("customers.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "-i", input, "-o", output]);

        Assert.Equal(0, result.ExitCode);
        var customer = Assert.Single(TestMaps.ParseNdjson(File.ReadAllText(output)));
        Assert.True(JsonNode.DeepEquals(TestMaps.GoldenCustomer, customer));
    }

    [Fact]
    public async Task Run_BadRecords_GoToTheDefaultErrorsFileAndExit1()
    {
        var lines = new[]
        {
            TestMaps.AccountLineWithId("A-1"),
            """{"Id":null,"Name":"No id"}""",
            """{"Id":"A-3", "Name": """,
            TestMaps.AccountLineWithId("A-4"),
        };
        var input = _temp.Write("accounts.ndjson", string.Join("\n", lines) + "\n");
        var output = _temp.File("customers.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--output", output]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["A-1", "A-4"], TestMaps.ParseNdjson(File.ReadAllText(output)).Select(static c => (string)c["externalId"]!));
        var errors = TestMaps.ParseNdjson(File.ReadAllText(output + ".errors.ndjson"));
        Assert.Equal([2, 3], errors.Select(static e => (int)e["record"]!));
        Assert.Equal("CNX1001", (string)errors[0]["errors"]![0]!["code"]!);
        Assert.Equal("CNX1006", (string)errors[1]["errors"]![0]!["code"]!);
        Assert.Contains("4 records (2 mapped, 2 failed)", result.Error, StringComparison.Ordinal);
        Assert.Contains($"2 failed record(s) written to {output}.errors.ndjson", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ErrorsOption_WritesFailedRecordsThere()
    {
        var input = _temp.Write("accounts.ndjson", "{\"Id\":\"A-1\"}\n");
        var errors = _temp.File("failed.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--output", _temp.File("out.ndjson"), "--errors", errors]);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(TestMaps.ParseNdjson(File.ReadAllText(errors)));
        Assert.Equal("name", (string)error["errors"]![0]!["target"]!);
    }

    [Fact]
    public async Task Run_ErrorsDash_WritesFailedRecordsToStandardError()
    {
        var input = _temp.Write("accounts.ndjson", "{\"Id\":\"A-1\"}\n");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--output", _temp.File("out.ndjson"), "--errors", "-"]);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(TestMaps.ParseNdjson(Encoding.UTF8.GetString(result.StandardErrorBytes)));
        Assert.Equal(1, (int)error["record"]!);
        Assert.Contains("written to standard error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StandardInputToStandardOutput_MapsEveryLine()
    {
        var ndjson = Encoding.UTF8.GetBytes($"{TestMaps.AccountLineWithId("A-1")}\r\n\r\n{TestMaps.AccountLineWithId("A-2")}");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", "-"], ndjson);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["A-1", "A-2"], TestMaps.ParseNdjson(result.StandardOutputText).Select(static c => (string)c["externalId"]!));
        Assert.Empty(result.Out);
        Assert.Contains("2 records (2 mapped, 0 failed)", result.Error, StringComparison.Ordinal);
        Assert.Contains("ndjson in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutputIsStandardOutput_DefaultErrorsFileIsNamedAfterTheInputInTheCurrentDirectory()
    {
        var name = $"accounts-{Guid.NewGuid():N}.ndjson";
        var input = _temp.Write(name, "{\"Id\":\"A-1\"}\n");
        var expected = Path.GetFullPath(name + ".errors.ndjson");
        try
        {
            var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input]);

            Assert.Equal(1, result.ExitCode);
            Assert.True(File.Exists(expected), result.ToString());
            Assert.Contains($"written to {expected}", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(expected);
        }
    }

    [Fact]
    public async Task Run_InputWithByteOrderMark_MapsTheRecord()
    {
        var input = _temp.File("accounts.json");
        File.WriteAllText(input, $"[{TestMaps.AccountLine}]", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(TestMaps.GoldenCustomer, Assert.Single(TestMaps.ParseNdjson(result.StandardOutputText))));
    }

    [Fact]
    public async Task Run_EmptyInput_Exits0WithAWarning()
    {
        var input = _temp.Write("empty.ndjson", "\n\n");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Contains("0 records (0 mapped, 0 failed)", result.Error, StringComparison.Ordinal);
        Assert.Contains("warning: the input has no record", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Summary_ReportsThroughputAndPeakMemory()
    {
        var input = _temp.Write("accounts.ndjson", TestMaps.AccountLine + "\n");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input]);

        Assert.Matches(@"^1 records \(1 mapped, 0 failed\) in [\d.]+ s, [\d,]+ records/s, [\d.]+ MiB read, ndjson in, peak memory [\d,.]+ MiB\n$", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Run_RecordLargerThanMaxRecordBytes_FailsWithCnx1008()
    {
        // Well past the engine's 64 KiB read chunk: the engine checks the limit only for a record that does not fit
        // in the buffer it has (see the report on MapStreamOptions.MaxRecordBytes), so a smaller one would pass.
        var huge = $"{{\"Id\":\"A-1\",\"Name\":\"x\",\"Description\":\"{new string('x', 200_000)}\"}}";
        var input = _temp.Write("accounts.ndjson", $"{huge}\n{{\"Id\":\"A-2\",\"Name\":\"x\"}}\n");
        var errors = _temp.File("errors.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--errors", errors, "--max-record-bytes", "1000"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["A-2"], TestMaps.ParseNdjson(result.StandardOutputText).Select(static c => (string)c["externalId"]!));
        Assert.Equal("CNX1008", (string)Assert.Single(TestMaps.ParseNdjson(File.ReadAllText(errors)))["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task Run_WrongArrayPath_ReportsTheMissingArrayAndExits1()
    {
        var input = _temp.Write("page.json", $"{{\"value\":[{TestMaps.AccountLine}]}}");
        var errors = _temp.File("errors.ndjson");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--array-path", "records", "--errors", errors]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no array at 'records'", File.ReadAllText(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadMap_ListsProblemsExits2AndCreatesNoOutput()
    {
        var map = _temp.Write("bad.map.json", TestMaps.UnknownFieldAndValueMap);
        var input = _temp.Write("accounts.ndjson", TestMaps.AccountLine + "\n");
        var output = _temp.File("out.ndjson");

        var result = await CliHarness.RunAsync(["run", map, "--input", input, "--output", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{map}(8,5): CNX1105", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was mapped", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(new[] { "--output", "x.ndjson" }, "--input is required")]
    [InlineData(new[] { "--input", "-", "--format", "xml" }, "--format must be ndjson or json, not 'xml'")]
    [InlineData(new[] { "--input", "-", "--format", "ndjson", "--array-path", "value" }, "--array-path is for --format json")]
    [InlineData(new[] { "--input", "-", "--max-record-bytes", "lots" }, "--max-record-bytes must be a whole number")]
    [InlineData(new[] { "--input", "-", "--max-record-bytes", "0" }, "--max-record-bytes must be a whole number")]
    [InlineData(new[] { "--input", "/no/such/export.ndjson" }, "input '/no/such/export.ndjson' does not exist")]
    public async Task Run_BadUsage_Exits2WithMessage(string[] options, string expected)
    {
        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'connectivity run --help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Run_OutputIsTheInput_Exits2AndLeavesTheInputAlone()
    {
        var input = _temp.Write("accounts.ndjson", TestMaps.AccountLine + "\n");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--output", input]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the input file", result.Error, StringComparison.Ordinal);
        Assert.Equal(TestMaps.AccountLine + "\n", File.ReadAllText(input));
    }

    [Fact]
    public async Task Run_OutputDirectoryMissing_Exits2WithMessage()
    {
        var input = _temp.Write("accounts.ndjson", TestMaps.AccountLine + "\n");

        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", input, "--output", _temp.File("no/such/dir/out.ndjson")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be written", result.Error, StringComparison.Ordinal);
    }
}
