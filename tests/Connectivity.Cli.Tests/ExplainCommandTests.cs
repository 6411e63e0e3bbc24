namespace Connectivity.Cli.Tests;

public sealed class ExplainCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Explain_ExampleMap_PrintsOneLinePerTargetField()
    {
        var result = await CliHarness.RunAsync(["explain", RepositoryPaths.DirectMap]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Equal("map crm-account-to-erp-customer", lines[0]);
        Assert.Equal(20, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("externalId", StringComparison.Ordinal) && l.Contains("<-  Id  [copy Id | Required]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("category", StringComparison.Ordinal) && l.Contains("value maps: category", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("contacts[].email", StringComparison.Ordinal) && l.Contains("Contacts.records[*].Email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_BadMap_ListsProblemsOnStandardErrorAndExits2()
    {
        var path = _temp.Write("bad.map.json", TestMaps.UnknownFieldAndValueMap);

        var result = await CliHarness.RunAsync(["explain", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains($"{path}(8,5): CNX1105", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing to explain", result.Error, StringComparison.Ordinal);
    }
}
