using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;

namespace Connectivity.Canonical.Schemas.Internal;

/// <summary>
/// Generates the JSON Schema of a canonical entity from its .NET type. The output is checked in under
/// <c>Schemas/</c>; a test fails when the two differ, so every model change is a visible schema change.
/// </summary>
internal static class CanonicalSchemaGenerator
{
    public static string Generate(CanonicalEntityType entityType)
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            SchemaType = SchemaType.JsonSchema,
            FlattenInheritanceHierarchy = true,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            DefaultDictionaryValueReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            AlwaysAllowAdditionalObjectProperties = false,
            GenerateEnumMappingDescription = false,
            GenerateExamples = false,
            UseXmlDocumentation = true,
            ResolveExternalXmlDocumentation = false,
        };

        // A custom field's value is any JSON, passed through untouched.
        settings.TypeMappers.Add(new PrimitiveTypeMapper(typeof(JsonElement), static _ => { }));

        var schema = JsonSchema.FromType(entityType.ClrType, settings);
        schema.Title = entityType.Name;
        schema.Properties["stage"].Description =
            $"The record's lifecycle stage. Allowed moves: {DescribeTransitions(entityType)}.";
        schema.Properties["version"].Minimum = 0;
        CamelCaseEnumerations(schema);

        return Publish(JsonNode.Parse(schema.ToJson())!.AsObject(), entityType);
    }

    // NJsonSchema writes draft-04 ("id"); the published schemas are draft-07 with a versioned "$id",
    // and their descriptions read as documentation rather than as property accessors.
    private static string Publish(JsonObject generated, CanonicalEntityType entityType)
    {
        var published = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = entityType.SchemaId,
        };
        foreach (var (name, value) in generated.ToArray())
        {
            if (name is "$schema" or "id")
            {
                continue;
            }

            generated.Remove(name);
            published[name] = value;
        }

        RewriteDescriptions(published);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return published.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static void RewriteDescriptions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["description"] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    obj["description"] = AsDocumentation(text);
                }

                foreach (var (_, child) in obj)
                {
                    RewriteDescriptions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteDescriptions(child);
                }

                break;
        }
    }

    private static string AsDocumentation(string text)
    {
        const string Accessor = "Gets or sets ";
        text = text.Replace("\n", " ", StringComparison.Ordinal);
        return text.StartsWith(Accessor, StringComparison.Ordinal)
            ? char.ToUpperInvariant(text[Accessor.Length]) + text[(Accessor.Length + 1)..]
            : text;
    }

    private static string DescribeTransitions(CanonicalEntityType entityType)
    {
        var lifecycle = entityType.Lifecycle;
        return string.Join(
            "; ",
            lifecycle.Stages
                .Where(s => !lifecycle.IsTerminal(s))
                .Select(s => $"{s} -> {string.Join(", ", lifecycle.GetNextStages(s))}"));
    }

    // Enum members are written as camelCase strings (CamelCaseEnumConverter); make the schema say the same.
    private static void CamelCaseEnumerations(JsonSchema root)
    {
        foreach (var schema in root.Definitions.Values.Append(root))
        {
            if (!schema.IsEnumeration)
            {
                continue;
            }

            var names = schema.EnumerationNames.Count > 0
                ? schema.EnumerationNames.ToArray()
                : schema.Enumeration.Select(static v => v?.ToString() ?? string.Empty).ToArray();
            schema.Type = JsonObjectType.String;
            schema.Format = null;
            schema.Enumeration.Clear();
            schema.EnumerationNames.Clear();
            foreach (var name in names)
            {
                schema.Enumeration.Add(JsonNamingPolicy.CamelCase.ConvertName(name));
            }
        }
    }
}
