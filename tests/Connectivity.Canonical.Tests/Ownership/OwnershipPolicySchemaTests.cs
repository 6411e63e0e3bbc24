using Connectivity.Ownership;
using NJsonSchema;
using Connectivity.Canonical.Tests.Schemas;

namespace Connectivity.Canonical.Tests.Ownership;

/// <summary>
/// The checked-in JSON Schema of policy documents is what the document model generates. NJsonSchema stays out of Core:
/// the schema is generated here. To accept a change, run with CONNECTIVITY_ACCEPT_SCHEMAS=1 and review the diff.
/// </summary>
public sealed class OwnershipPolicySchemaTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "docs", "schemas", "ownership-policy.schema.json");

    internal static string Generate() => SchemaPublisher.Generate<OwnershipPolicyDocument>("urn:connectivity:ownership-policy:1.0");

    [Fact]
    public void Generate_MatchesCheckedInSchema() => SchemaPublisher.AssertMatchesCheckedIn(Generate(), SchemaPath);

    [Fact]
    public async Task CheckedInSchema_ValidDocument_Passes()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath));

        var errors = schema.Validate("""{ "systems": ["crm"], "entities": { "customer": { "defaultOwner": "crm", "fields": [ { "path": "name", "owner": "crm", "stages": ["prospect"] } ] } } }""");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task CheckedInSchema_RuleWithoutOwnerOrWithUnknownProperty_Fails()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath));

        Assert.NotEmpty(schema.Validate("""{ "entities": { "customer": { "fields": [ { "path": "name" } ] } } }"""));
        Assert.NotEmpty(schema.Validate("""{ "owners": [] }"""));
    }
}
