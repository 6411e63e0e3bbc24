namespace Connectivity.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("crm-account-to-erp-customer.map.json", "map 'crm-account-to-erp-customer' (crm -> erp), 19 target fields")]
    [InlineData("crm-account-to-canonical-customer.map.json", "(crm -> canonical customer)")]
    [InlineData("canonical-customer-to-erp-customer.map.json", "map 'canonical-customer-to-erp-customer'")]
    public async Task Validate_ExampleMap_PrintsOneOkLineAndExits0(string example, string expected)
    {
        var path = RepositoryPaths.Example(example);

        var result = await CliHarness.RunAsync(["validate", path]);

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.OutLines);
        Assert.StartsWith($"{path}: OK, ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Validate_UnknownFieldAndValueMap_PrintsEveryProblemWithPositionCodeAndPath()
    {
        var path = _temp.Write("bad.map.json", TestMaps.UnknownFieldAndValueMap);

        var result = await CliHarness.RunAsync(["validate", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Collection(
            result.OutLines,
            line => Assert.StartsWith($"{path}(8,5): CNX1105 $.fields.nmae: 'nmae' is not a field of customer", line, StringComparison.Ordinal),
            line => Assert.StartsWith($"{path}(9,5): CNX1103 $.fields.creditLimit: the value map 'missing' is not defined", line, StringComparison.Ordinal),
            line => Assert.Equal($"{path}: 2 problems.", line));
    }

    [Fact]
    public async Task Validate_TruncatedJson_ReportsTheSyntaxErrorWithItsLine()
    {
        var path = _temp.Write("truncated.map.json", TestMaps.Truncated);

        var result = await CliHarness.RunAsync(["validate", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{path}(5,1): CNX1101 $: the document is not valid JSON", result.OutLines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}: 1 problem.", result.OutLines[^1]);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2WithMessage()
    {
        var path = _temp.File("nope.map.json");

        var result = await CliHarness.RunAsync(["validate", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"map document '{path}' does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Directory_Exits2WithMessage()
    {
        var result = await CliHarness.RunAsync(["validate", _temp.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoMap_Exits2()
    {
        var result = await CliHarness.RunAsync(["validate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the map document is missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TwoMaps_Exits2()
    {
        var result = await CliHarness.RunAsync(["validate", RepositoryPaths.DirectMap, RepositoryPaths.DirectMap]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("one map document is expected, got 2", result.Error, StringComparison.Ordinal);
    }
}
