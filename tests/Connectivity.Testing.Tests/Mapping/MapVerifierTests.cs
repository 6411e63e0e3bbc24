using Connectivity.Mapping;
using Connectivity.Testing.Golden;
using Connectivity.Testing.Mapping;

namespace Connectivity.Testing.Tests.Mapping;

public sealed class MapVerifierTests
{
    private static readonly CompiledMap Map = new MapBuilder("vendor-contact")
        .Field("name", r => r.Concat(" ", "first", "last").Required())
        .Field("email", r => r.Copy("mail").ToLower())
        .Field("since", r => r.Copy("since").AsDate())
        .Build();

    [Fact]
    public void Verify_NdjsonFixture_MatchesItsGoldenFileWithOutputsAndErrors()
    {
        MapVerifier.Verify(Map, "Fixtures/contacts.ndjson");
    }

    [Fact]
    public void Run_FixtureWithABadRecord_ListsItsErrorsInPlace()
    {
        var results = MapVerifier.Run(Map, "{\"first\":\"Ada\",\"since\":\"2024-03-01T10:00:00Z\"}\n{\"mail\":\"X@Y.Z\"}\n"u8);

        Assert.Contains("\"output\": {\n      \"name\": \"Ada\",\n      \"since\": \"2024-03-01\"", results, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"CNX1001\"", results, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ChangedMap_FailsWithTheDiff()
    {
        var changed = new MapBuilder("vendor-contact").Field("name", r => r.Copy("last")).Build();

        var ex = Assert.Throws<GoldenFileMismatchException>(() => MapVerifier.Verify(changed, "Fixtures/contacts.ndjson"));

        Assert.Contains("-", ex.Message, StringComparison.Ordinal);
        File.Delete(ex.ReceivedPath);
    }
}
