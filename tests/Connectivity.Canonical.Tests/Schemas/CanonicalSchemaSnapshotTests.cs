using Connectivity.Canonical.Schemas;
using Connectivity.Canonical.Schemas.Internal;

namespace Connectivity.Canonical.Tests.Schemas;

/// <summary>
/// The checked-in schemas are what the model generates: a model change is a visible schema change.
/// To accept a change, run the tests with CONNECTIVITY_ACCEPT_SCHEMAS=1 and review the diff.
/// </summary>
public sealed class CanonicalSchemaSnapshotTests
{
    public static TheoryData<string> EntityNames => [.. CanonicalModel.EntityTypes.Select(static t => t.Name)];

    [Fact]
    public void SchemasFolder_HoldsOneSchemaPerEntity()
    {
        var files = Directory.GetFiles(RepositoryPaths.SchemasFolder, "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(CanonicalModel.EntityTypes.Select(static t => t.SchemaFileName).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Generate_MatchesCheckedInSchema(string entityName)
    {
        var entityType = CanonicalModel.Get(entityName);
        var generated = CanonicalSchemaGenerator.Generate(entityType);
        var path = Path.Combine(RepositoryPaths.SchemasFolder, entityType.SchemaFileName);
        var receivedPath = Path.ChangeExtension(path, ".received.json");

        if (Environment.GetEnvironmentVariable("CONNECTIVITY_ACCEPT_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        var checkedIn = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (checkedIn != generated)
        {
            File.WriteAllText(receivedPath, generated);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(
            checkedIn == generated,
            $"The generated schema of '{entityName}' differs from {path}; the new one is in {receivedPath}. If the model change is intended, bump the schema version as docs/schema-versioning.md says and accept it with CONNECTIVITY_ACCEPT_SCHEMAS=1.");
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void GetSchemaJson_ReturnsTheCheckedInFile(string entityName)
    {
        var entityType = CanonicalModel.Get(entityName);

        var embedded = CanonicalSchemas.GetSchemaJson(entityType);

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.SchemasFolder, entityType.SchemaFileName)), embedded);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void GetSchemaJson_CarriesVersionedId(string entityName)
    {
        var entityType = CanonicalModel.Get(entityName);

        using var schema = System.Text.Json.JsonDocument.Parse(CanonicalSchemas.GetSchemaJson(entityType));

        Assert.Equal($"urn:connectivity:canonical:{entityName}:{entityType.SchemaVersion}", schema.RootElement.GetProperty("$id").GetString());
        Assert.Matches(@"^\d+\.\d+$", entityType.SchemaVersion);
    }
}
