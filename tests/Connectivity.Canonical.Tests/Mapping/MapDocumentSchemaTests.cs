using System.Text.Json;
using Connectivity.Canonical.Tests.Schemas;
using Connectivity.Mapping.Internal.Documents;
using NJsonSchema;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>
/// The checked-in JSON Schema of map documents (docs/schemas/map-document.schema.json) is what the document model
/// generates, the reader knows exactly the model's keys, and the example documents validate against it.
/// </summary>
public sealed class MapDocumentSchemaTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "docs", "schemas", "map-document.schema.json");

    [Fact]
    public void Generate_MatchesCheckedInSchema()
        => SchemaPublisher.AssertMatchesCheckedIn(SchemaPublisher.Generate<MapDocumentModel>("urn:connectivity:map-document:1.0"), SchemaPath);

    [Theory]
    [InlineData(typeof(MapDocumentModel), nameof(MapDocumentReader.DocumentKeys))]
    [InlineData(typeof(MapOptionsModel), nameof(MapDocumentReader.OptionKeys))]
    [InlineData(typeof(ValueMapModel), nameof(MapDocumentReader.ValueMapKeys))]
    [InlineData(typeof(RuleModel), nameof(MapDocumentReader.RuleKeys))]
    [InlineData(typeof(ConditionModel), nameof(MapDocumentReader.ConditionKeys))]
    [InlineData(typeof(TransformModel), nameof(MapDocumentReader.TransformKeys))]
    public void Reader_KnowsExactlyTheModelsKeys(Type model, string readerKeys)
    {
        var keys = (string[])typeof(MapDocumentReader).GetField(readerKeys)!.GetValue(null)!;
        var names = model.GetProperties().Select(static p =>
            p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false) is [System.Text.Json.Serialization.JsonPropertyNameAttribute named]
                ? named.Name
                : JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        Assert.Equal(names.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reader_KnowsExactlyTheModelsTransformKinds()
    {
        var kinds = Enum.GetNames<Connectivity.Mapping.ValueTransformKind>().Select(JsonNamingPolicy.CamelCase.ConvertName);

        Assert.Equal(kinds.Order(StringComparer.Ordinal), MapDocumentReader.TransformKinds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("crm-account-to-erp-customer.map.json")]
    [InlineData("crm-account-to-canonical-customer.map.json")]
    [InlineData("canonical-customer-to-erp-customer.map.json")]
    public async Task ExampleDocuments_ValidateAgainstTheSchema(string file)
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath));

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "examples", file)));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Schema_RejectsUnknownRuleKeysAndTransformKinds()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath));

        Assert.NotEmpty(schema.Validate("""{"name":"m","fields":{"a":{"copy":"A","trimm":true}}}"""));
        Assert.NotEmpty(schema.Validate("""{"name":"m","fields":{"a":{"copy":"A","transforms":[{"kind":"reverse"}]}}}"""));
        Assert.Empty(schema.Validate("""{"name":"m","fields":{"a":{"copy":"A","transforms":[{"kind":"padLeft","width":6,"char":"0"}]}}}"""));
    }
}
