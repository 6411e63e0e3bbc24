using System.Text.Json;
using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

public sealed class MapDocumentLoaderTests
{
    [Fact]
    public void LoadText_ValidDocument_GivesTheSameDefinitionAsTheBuilder()
    {
        const string Document = """
            {
              "name": "m", "source": "crm", "target": "erp",
              "options": { "nullSentinels": ["UNKNOWN"], "unwrapValueObjects": "value", "writeNulls": true },
              "valueMaps": { "terms": { "entries": { "Net 30": "NET30" }, "default": "NET30" } },
              "fields": {
                "name": { "copy": "Name", "transforms": [ { "kind": "trim" }, { "kind": "required" } ] },
                "terms": { "copy": "Terms", "transforms": [ { "kind": "valueMap", "name": "terms" } ] },
                "full": { "concat": ["First", "Last"], "separator": " " },
                "flag": { "when": { "path": "Status", "in": ["A", "B"], "ignoreCase": true }, "then": { "const": true }, "otherwise": { "const": false } },
                "tier": { "pick": "custom[*]", "where": { "path": "id", "equals": 123 }, "value": "value" },
                "lines": { "each": "Lines[*]", "where": { "exists": "Sku" }, "element": { "object": { "sku": { "copy": "Sku" } } } },
                "when": { "copy": "Created", "transforms": [ { "kind": "toDate", "formats": ["dd.MM.yyyy"], "output": "yyyy-MM-dd" } ] }
              }
            }
            """;

        var result = MapDocumentLoader.LoadText(Document);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var definition = result.Definition!;
        Assert.Equal(("m", "crm", "erp"), (definition.Name, definition.SourceSystem, definition.TargetSystem));
        Assert.Equal(ValueObjectMember.Value, definition.Options.UnwrapValueObjects);
        Assert.Equal(["name", "terms", "full", "flag", "tier", "lines", "when"], definition.Fields.Select(static f => f.TargetPath));
        var name = Assert.IsType<CopyRule>(definition.Fields[0].Rule);
        Assert.Equal([ValueTransformKind.Trim, ValueTransformKind.Required], name.Transforms.Select(static t => t.Kind));
        Assert.Equal(UnknownValueHandling.UseDefault, definition.ValueMaps["terms"].OnUnknown);
        var output = result.Map!.Run("""{"Name":" A ","Terms":"Net 30","First":"Ada","Status":"b","custom":[{"id":123,"value":"gold"}],"Lines":[{"Sku":"x"},{}],"Created":"01.03.2024"}""");
        Assert.Equal("""{"name":"A","terms":"NET30","full":"Ada","flag":true,"tier":"gold","lines":[{"sku":"x"}],"when":"2024-03-01"}""", output);
    }

    [Fact]
    public void LoadText_ManyProblems_ReportsEveryOneWithLineAndPosition()
    {
        const string Document = """
            {
              "name": "broken",
              "colour": "blue",
              "fields": {
                "a": { "copy": "A", "trimm": true },
                "b": { "copy": "B", "const": 1 },
                "c": { },
                "d": { "copy": "D", "transforms": [ { "kind": "reverse" } ] },
                "e": { "copy": 5 },
                "f": { "when": { "path": "X" }, "then": { "const": 1 } }
              }
            }
            """;

        var result = MapDocumentLoader.LoadText(Document);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "CNX1102 (3,3) $.colour",
                "CNX1102 (5,25) $.fields.a.trimm",
                "CNX1110 (6,10) $.fields.b",
                "CNX1110 (7,10) $.fields.c",
                "CNX1102 (8,51) $.fields.d.transforms[0].kind",
                "CNX1108 (9,20) $.fields.e.copy",
                "CNX1108 (10,20) $.fields.f.when",
            ],
            result.Errors.Select(static e => $"{e.Code} ({e.LineNumber},{e.LinePosition}) {e.Path}"));
        Assert.Contains("'trimm' is not known here", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_CompileProblems_ArePlacedAtTheirFields()
    {
        const string Document = """
            {
              "name": "m",
              "fields": {
                "a": { "copy": "A", "transforms": [ { "kind": "valueMap", "name": "missing" } ] },
                "b": { "call": "nope", "args": ["B"] },
                "c": { "copy": "C[*]" },
                "d": { "copy": "D" },
                "d.x": { "copy": "X" }
              }
            }
            """;

        var result = MapDocumentLoader.LoadText(Document);

        Assert.Equal(
            [
                "CNX1103 (4,5) $.fields.a",
                "CNX1104 (5,5) $.fields.b",
                "CNX1107 (6,5) $.fields.c",
                "CNX1109 (8,5) $.fields['d.x']",
            ],
            result.Errors.Select(static e => $"{e.Code} ({e.LineNumber},{e.LinePosition}) {e.Path}"));
        Assert.Contains("the value map 'missing' is not defined", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("use 'each' to map them or 'pick' to choose one", result.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_TargetModel_FindsUnknownFieldsAndTypeMismatches()
    {
        var options = new MapCompilerOptions();
        options.Targets["customer"] = MapTargetModel.FromJsonTypeInfo("customer", TestTargets.Default.TestCustomer);
        const string Document = """
            {
              "name": "m", "entity": "customer",
              "fields": {
                "name": { "copy": "Name" },
                "nmae": { "copy": "Name" },
                "creditLimit": { "copy": "Limit", "transforms": [ { "kind": "toBoolean" } ] },
                "stage": { "const": "deleted" },
                "since": { "copy": "Since", "transforms": [ { "kind": "toDateTime" } ] },
                "tags": { "copy": "Tags" }
              }
            }
            """;

        var result = MapDocumentLoader.LoadText(Document, options);

        Assert.Equal(
            ["CNX1105 $.fields.nmae", "CNX1106 $.fields.creditLimit", "CNX1106 $.fields.stage", "CNX1106 $.fields.since"],
            result.Errors.Select(static e => $"{e.Code} {e.Path}"));
        Assert.Contains("known fields: creditLimit, name, since, stage, tags", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'deleted' is not one of the values 'stage' allows: Active, OnHold", result.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_MalformedJson_IsOneSyntaxErrorWithPosition()
    {
        var result = MapDocumentLoader.LoadText("{\n  \"name\": \"m\",\n  \"fields\": { \"a\": { \"copy\": } }\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.DocumentSyntax, error.Code);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void LoadText_UnknownEntity_IsAnError()
    {
        var options = new MapCompilerOptions();
        options.Targets["customer"] = MapTargetModel.FromJsonTypeInfo("customer", TestTargets.Default.TestCustomer);

        var result = MapDocumentLoader.LoadText("""{"name":"m","entity":"opportunity","fields":{"a":{"copy":"A"}}}""", options);

        Assert.Contains("the target entity 'opportunity' is not known; known: customer", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
