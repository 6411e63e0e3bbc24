using System.Text.Json.Nodes;

namespace Connectivity.Cli.Tests;

/// <summary>Map documents and records the tests share.</summary>
internal static class TestMaps
{
    /// <summary>Names a field the canonical customer does not have (line 8) and a value map nobody defined (line 9).</summary>
    public const string UnknownFieldAndValueMap = """
        {
          "name": "bad",
          "source": "crm",
          "target": "canonical",
          "entity": "customer",
          "fields": {
            "id": { "copy": "Id" },
            "nmae": { "copy": "Name" },
            "creditLimit": { "copy": "Limit", "transforms": [{ "kind": "valueMap", "name": "missing" }] }
          }
        }
        """;

    /// <summary>Stops in the middle of an object.</summary>
    public const string Truncated = "{\n  \"name\": \"broken\",\n  \"fields\": {\n    \"id\": { \"copy\": \"Id\" }\n";

    /// <summary>The fixture CRM account on one line.</summary>
    public static string AccountLine { get; } = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("crm-account.json")))!.ToJsonString();

    /// <summary>The golden ERP customer for the fixture account.</summary>
    public static JsonNode GoldenCustomer => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("crm-account.erp-customer.golden.json")))!;

    /// <summary>An account with another id, so records can be told apart in the output.</summary>
    public static string AccountLineWithId(string id)
    {
        var account = JsonNode.Parse(AccountLine)!;
        account["Id"] = id;
        return account.ToJsonString();
    }

    public static JsonNode[] ParseNdjson(string text)
        => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonNode.Parse(line)!)];
}
