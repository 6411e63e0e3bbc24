using System.Text;
using System.Text.Json.Nodes;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>
/// A wrong type at any path the inbound example map reads gives a clear per-record error naming the target field and
/// the source path; nothing throws and nothing is silently written (a pass-through custom field keeps the value as it came).
/// </summary>
public sealed class WrongTypeAtEveryPathTests
{
    public static TheoryData<string> MappedPaths()
    {
        var map = ExampleMapsTests.Load("crm-account-to-canonical-customer.map.json");
        var paths = map.Explain().Fields.SelectMany(static f => f.SourcePaths).Where(static p => !p.Contains('[', StringComparison.Ordinal)).Distinct();
        return [.. paths];
    }

    [Theory]
    [MemberData(nameof(MappedPaths))]
    public void MapToEntity_ObjectWhereAValueBelongs_IsAClearErrorOfThatRecord(string path)
    {
        var map = ExampleMapsTests.Load("crm-account-to-canonical-customer.map.json");
        var account = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Connectivity.Canonical.Tests", "Mapping", "Fixtures", "crm-account.json")))!;
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(account, static (node, name) => node[name]!);
        parent[segments[^1]] = JsonNode.Parse("""{"unexpected":[1,2]}""");

        var result = map.MapToEntity(Encoding.UTF8.GetBytes(account.ToJsonString()), CanonicalJson.GetTypeInfo<Customer>());

        if (result.Succeeded)
        {
            // Only a pass-through custom field takes any JSON: the object must arrive there unchanged.
            var passedThrough = result.Value!.CustomFields["crm"][segments[^1]].GetRawText();
            Assert.Equal("""{"unexpected":[1,2]}""", passedThrough);
            return;
        }

        Assert.All(result.Errors, e =>
        {
            Assert.Contains(e.Code, new[] { "CNX1001", "CNX1002", "CNX1003", "CNX1005", "CNX1009" });
            Assert.False(string.IsNullOrEmpty(e.TargetField), e.ToString());
            Assert.Equal(path, e.SourcePath);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.True(e.Message.Length < 300, e.Message);
        });
    }
}
