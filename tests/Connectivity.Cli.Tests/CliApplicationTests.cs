namespace Connectivity.Cli.Tests;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task RunAsync_NoArguments_PrintsUsageAndExits2()
    {
        var result = await CliHarness.RunAsync([]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: connectivity <command>", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task RunAsync_Help_ListsEveryCommandAndExits0(string help)
    {
        var result = await CliHarness.RunAsync([help]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("validate", result.Out, StringComparison.Ordinal);
        Assert.Contains("run", result.Out, StringComparison.Ordinal);
        Assert.Contains("explain", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "Usage: connectivity validate <map.json>")]
    [InlineData("run", "--array-path")]
    [InlineData("explain", "Usage: connectivity explain <map.json>")]
    public async Task RunAsync_CommandHelp_PrintsTheCommandsUsageAndExits0(string command, string expected)
    {
        var afterCommand = await CliHarness.RunAsync([command, "--help"]);
        var viaHelp = await CliHarness.RunAsync(["help", command]);

        Assert.Equal(0, afterCommand.ExitCode);
        Assert.Contains(expected, afterCommand.Out, StringComparison.Ordinal);
        Assert.Equal(afterCommand.Out, viaHelp.Out);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsTheVersion()
    {
        var result = await CliHarness.RunAsync(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_Exits2WithMessage()
    {
        var result = await CliHarness.RunAsync(["frobnicate", "x.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_Exits2WithMessageAndNoStackTrace()
    {
        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input", "-", "--ouput", "x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("connectivity run: unknown option '--ouput'", result.Error, StringComparison.Ordinal);
        Assert.Contains("--output", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_Exits2()
    {
        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "--input"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("option '--input' needs a value", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionGivenTwice_Exits2()
    {
        var result = await CliHarness.RunAsync(["run", RepositoryPaths.DirectMap, "-i", "a.ndjson", "--input=b.ndjson"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("option '--input' is given more than once", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionOnCommandWithoutOptions_Exits2()
    {
        var result = await CliHarness.RunAsync(["validate", RepositoryPaths.DirectMap, "--input", "x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--input'; it takes no option", result.Error, StringComparison.Ordinal);
    }
}
