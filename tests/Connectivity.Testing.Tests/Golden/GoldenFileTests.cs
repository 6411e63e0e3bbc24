using Connectivity.Testing.Golden;

namespace Connectivity.Testing.Tests.Golden;

public sealed class GoldenFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("golden-").FullName;

    [Fact]
    public void VerifyJson_SameJsonInAnotherLayout_Passes()
    {
        var golden = Path.Combine(_folder, "a.golden.json");
        File.WriteAllText(golden, "{\n  \"name\": \"Nordwind\",\n  \"limit\": 250000.00\n}\n");

        GoldenFile.VerifyJson("""{"name":"Nordwind","limit":250000.00}""", golden);

        Assert.False(File.Exists(Path.Combine(_folder, "a.received.json")));
    }

    [Fact]
    public void VerifyJson_Mismatch_FailsWithADiffAndWritesTheReceivedFile()
    {
        var golden = Path.Combine(_folder, "b.golden.json");
        File.WriteAllText(golden, "{\n  \"name\": \"Nordwind\",\n  \"terms\": \"NET30\",\n  \"limit\": 1\n}\n");

        var ex = Assert.Throws<GoldenFileMismatchException>(() => GoldenFile.VerifyJson("""{"name":"Nordwind","terms":"NET60","limit":1}""", golden));

        Assert.Equal(Path.Combine(_folder, "b.received.json"), ex.ReceivedPath);
        Assert.Contains("-    3 |   \"terms\": \"NET30\",", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+    3 |   \"terms\": \"NET60\",", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rename it to accept", ex.Message, StringComparison.Ordinal);
        Assert.Equal("{\n  \"name\": \"Nordwind\",\n  \"terms\": \"NET60\",\n  \"limit\": 1\n}\n", File.ReadAllText(ex.ReceivedPath));
    }

    [Fact]
    public void VerifyJson_AcceptingByRename_PassesNextTime()
    {
        var golden = Path.Combine(_folder, "c.golden.json");
        var ex = Assert.Throws<GoldenFileMismatchException>(() => GoldenFile.VerifyJson("""{"a":1}""", golden));
        Assert.Contains("There is no golden file", ex.Message, StringComparison.Ordinal);

        File.Move(ex.ReceivedPath, golden);

        GoldenFile.VerifyJson("""{ "a" : 1 }""", golden);
    }

    [Fact]
    public void VerifyText_RelativePath_ResolvesBesideTheCallingSourceFile()
    {
        var ex = Assert.Throws<GoldenFileMismatchException>(() => GoldenFile.VerifyText("x", "nowhere.golden.txt", Path.Combine(_folder, "SomeTests.cs")));

        Assert.Equal(Path.Combine(_folder, "nowhere.golden.txt"), ex.GoldenPath);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
