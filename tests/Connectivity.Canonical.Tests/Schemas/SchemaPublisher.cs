using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Connectivity.Canonical.Tests.Schemas;

/// <summary>Generates the checked-in JSON Schemas of document formats from their document models, the same way each time.</summary>
internal static class SchemaPublisher
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Generate<TModel>(string id)
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
        var schema = JsonSchema.FromType<TModel>(settings);
        foreach (var definition in schema.Definitions.Values.Where(static d => d.IsEnumeration))
        {
            // Document enums are written camelCase ("useDefault", "padLeft"), as the readers expect.
            // Names of integer-backed enums come from EnumerationNames; document enums are always strings.
            var source = definition.EnumerationNames.Count == definition.Enumeration.Count && definition.Type != JsonObjectType.String
                ? definition.EnumerationNames.ToList()
                : definition.Enumeration.Select(static v => v?.ToString() ?? string.Empty).ToList();
            var names = source.Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
            definition.Type = JsonObjectType.String;
            definition.Enumeration.Clear();
            definition.EnumerationNames.Clear();
            foreach (var name in names)
            {
                definition.Enumeration.Add(name);
            }
        }

        var generated = JsonNode.Parse(schema.ToJson())!.AsObject();
        var published = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = id,
        };
        foreach (var (name, value) in generated.ToArray())
        {
            if (name is not ("$schema" or "id"))
            {
                generated.Remove(name);
                published[name] = value;
            }
        }

        return published.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Asserts the checked-in file is what the model generates; CONNECTIVITY_ACCEPT_SCHEMAS=1 rewrites it.</summary>
    public static void AssertMatchesCheckedIn(string generated, string path)
    {
        if (Environment.GetEnvironmentVariable("CONNECTIVITY_ACCEPT_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        var checkedIn = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(checkedIn == generated, $"The generated schema differs from {path}. If the document model change is intended, accept it with CONNECTIVITY_ACCEPT_SCHEMAS=1 and review the diff.\n{generated}");
    }
}
