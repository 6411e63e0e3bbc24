using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Connectivity.Canonical.Serialization;
using Connectivity.Mapping;
using Connectivity.Testing.Golden;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>The example map documents in docs/examples load, map the fixture account as the golden files say, and agree with each other.</summary>
public sealed class ExampleMapsTests
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "docs", "examples");
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "Connectivity.Canonical.Tests", "Mapping", "Fixtures");

    internal static CompiledMap Load(string name)
    {
        var result = MapDocumentLoader.LoadFile(Path.Combine(Examples, name), new MapCompilerOptions().AddCanonicalTargets());
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Map!;
    }

    [Fact]
    public void DirectMap_FixtureAccount_MatchesGolden()
    {
        var map = Load("crm-account-to-erp-customer.map.json");
        var output = new ArrayBufferWriter<byte>();

        var result = map.Map(File.ReadAllBytes(Path.Combine(Fixtures, "crm-account.json")), output);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        GoldenFile.VerifyJson(Encoding.UTF8.GetString(output.WrittenSpan), Path.Combine(Fixtures, "crm-account.erp-customer.golden.json"));
    }

    [Fact]
    public void InboundMap_FixtureAccount_GivesValidCanonicalCustomerMatchingGolden()
    {
        var map = Load("crm-account-to-canonical-customer.map.json");

        var result = map.MapToEntity(File.ReadAllBytes(Path.Combine(Fixtures, "crm-account.json")), CanonicalJson.GetTypeInfo<Customer>());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var customer = result.Value!;
        Assert.Equal(CustomerStage.Active, customer.Stage);
        Assert.Equal(250000.00m, customer.CreditLimit!.Amount);
        Assert.Equal("EUR", customer.CreditLimit.Currency);
        Assert.Equal("0015g00000XyZ12AAB", customer.GetRemoteId("crm"));
        var json = CanonicalJson.Serialize(customer);
        Assert.True(Connectivity.Canonical.Schemas.CanonicalSchemas.Validate<Customer>(json).IsValid);
        GoldenFile.VerifyJson(json, Path.Combine(Fixtures, "crm-account.canonical-customer.golden.json"));
    }

    [Fact]
    public void ThroughCanonical_GivesTheSameErpPayloadAsTheDirectMap()
    {
        var direct = Load("crm-account-to-erp-customer.map.json");
        var inbound = Load("crm-account-to-canonical-customer.map.json");
        var outbound = Load("canonical-customer-to-erp-customer.map.json");
        var account = File.ReadAllBytes(Path.Combine(Fixtures, "crm-account.json"));
        var directOutput = new ArrayBufferWriter<byte>();
        var viaCanonical = new ArrayBufferWriter<byte>();

        Assert.True(direct.Map(account, directOutput).Succeeded);
        var customer = inbound.MapToEntity(account, CanonicalJson.GetTypeInfo<Customer>()).Value!;
        var result = outbound.MapFromEntity(customer, CanonicalJson.GetTypeInfo<Customer>(), viaCanonical);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(directOutput.WrittenSpan), JsonNode.Parse(viaCanonical.WrittenSpan)),
            $"direct:\n{Encoding.UTF8.GetString(directOutput.WrittenSpan)}\nvia canonical:\n{Encoding.UTF8.GetString(viaCanonical.WrittenSpan)}");
    }
}
