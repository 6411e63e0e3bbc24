using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.Ownership;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Connectivity.Canonical.Tests.Ownership;

/// <summary>
/// The checked-in JSON Schema of policy documents is what the document model generates. NJsonSchema stays out of Core:
/// the schema is generated here. To accept a change, run with CONNECTIVITY_ACCEPT_SCHEMAS=1 and review the diff.
/// </summary>
public sealed class OwnershipPolicySchemaTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "docs", "schemas", "ownership-policy.schema.json");

    internal static string Generate()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            AlwaysAllowAdditionalObjectProperties = false,
            GenerateExamples = false,
            UseXmlDocumentation = false,
        };
        var schema = JsonSchema.FromType<OwnershipPolicyDocument>(settings);
        var generated = JsonNode.Parse(schema.ToJson())!.AsObject();
        var published = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "urn:connectivity:ownership-policy:1.0",
        };
        foreach (var (name, value) in generated.ToArray())
        {
            if (name is not ("$schema" or "id"))
            {
                generated.Remove(name);
                published[name] = value;
            }
        }

        return published.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    [Fact]
    public void Generate_MatchesCheckedInSchema()
    {
        var generated = Generate();
        if (Environment.GetEnvironmentVariable("CONNECTIVITY_ACCEPT_SCHEMAS") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        var checkedIn = File.Exists(SchemaPath) ? File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") : string.Empty;

        Assert.True(checkedIn == generated, $"The generated ownership policy schema differs from {SchemaPath}. If the document model change is intended, accept it with CONNECTIVITY_ACCEPT_SCHEMAS=1.\n{generated}");
    }

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
