using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.Canonical.Serialization;
using Connectivity.Mapping;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>
/// <see cref="CompiledMap.MapToEntity{TEntity}"/> binds the entity directly and <see cref="CompiledMap.MapFromEntity{TEntity}"/>
/// reads it directly; both must give exactly what the JSON path gives (deserializing <see cref="CompiledMap.Map"/>'s output,
/// mapping the serialized entity), for good records and bad ones, with the same errors.
/// </summary>
public sealed class EntityBindingTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "Connectivity.Canonical.Tests", "Mapping", "Fixtures", "crm-account.json");

    /// <summary>Changes to the fixture account: (path, new JSON value, or null to remove the property).</summary>
    public static TheoryData<string, string, string?> Variants() => new()
    {
        { "as is", "Id", "\"0015g00000XyZ12AAB\"" },
        { "no credit limit", "Credit_Limit__c", null },
        { "credit limit keeps its scale", "Credit_Limit__c", "\"1.50\"" },
        { "credit limit as a number", "Credit_Limit__c", "1234567.890" },
        { "credit limit with an exponent", "Credit_Limit__c", "\"1.5E3\"" },
        { "credit limit not a number", "Credit_Limit__c", "\"lots\"" },
        { "no currency", "CurrencyIsoCode", null },
        { "null name", "Name", "null" },
        { "blank name", "Name", "\"   \"" },
        { "escaped, non-ASCII name", "Name", "\"Caf\\u00e9 \\\"M\\u00fcller\\\" \\ud83d\\ude80\"" },
        { "sentinel tax id", "Tax_Id__c", "\"UNKNOWN\"" },
        { "numeric phone", "Phone", "4940123" },
        { "unknown stage", "Status__c", "\"Archived\"" },
        { "on hold", "Status__c", "\"On Hold\"" },
        { "no stage", "Status__c", null },
        { "bad date", "CreatedDate", "\"yesterday\"" },
        { "date only", "CreatedDate", "\"2024-03-02\"" },
        { "no modified date", "LastModifiedDate", null },
        { "custom field as an object", "Customer_Since__c", "{\"unexpected\":[1,2]}" },
        { "custom field as a number", "Customer_Since__c", "20190501" },
        { "no custom field", "Customer_Since__c", null },
        { "no billing street", "BillingAddress.street", null },
        { "no billing address", "BillingAddress", null },
        { "null billing country", "BillingAddress.country", "null" },
        { "no shipping address", "ShippingAddress", "null" },
        { "no contacts", "Contacts", null },
        { "empty contacts", "Contacts.records", "[]" },
        { "contact without last name", "Contacts.records", "[{\"FirstName\":\"Ada\",\"Email\":\"ADA@EXAMPLE.ORG\"}]" },
        { "contact with an array name", "Contacts.records", "[{\"LastName\":[1]}]" },
        { "contacts as an object", "Contacts", "{\"records\":{\"a\":1}}" },
        { "unmapped fields only", "Industry", "{\"deep\":{\"er\":[true,null]}}" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void MapToEntity_FixtureVariant_EqualsDeserializedMapOutput(string variant, string path, string? json)
    {
        var inbound = ExampleMapsTests.Load("crm-account-to-canonical-customer.map.json");
        var record = Vary(path, json);

        var bound = inbound.MapToEntity(record, CanonicalJson.GetTypeInfo<Customer>());

        var expected = ThroughJson(inbound, record);
        Assert.True(expected.Succeeded == bound.Succeeded, $"{variant}: {string.Join("; ", bound.Errors)} / {string.Join("; ", expected.Errors)}");
        Assert.Equal(expected.Errors, bound.Errors);
        if (bound.Succeeded)
        {
            Assert.Equal(CanonicalJson.Serialize(expected.Value!), CanonicalJson.Serialize(bound.Value!));
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void MapFromEntity_FixtureVariant_EqualsMapOfSerializedEntity(string variant, string path, string? json)
    {
        var inbound = ExampleMapsTests.Load("crm-account-to-canonical-customer.map.json");
        var outbound = ExampleMapsTests.Load("canonical-customer-to-erp-customer.map.json");
        var customer = inbound.MapToEntity(Vary(path, json), CanonicalJson.GetTypeInfo<Customer>()).Value;
        if (customer is null)
        {
            return;
        }

        AssertOutboundEqual(outbound, customer, variant);
    }

    [Fact]
    public void MapFromEntity_EntityWithNullsEmptiesAndEscapes_EqualsMapOfSerializedEntity()
    {
        var outbound = ExampleMapsTests.Load("canonical-customer-to-erp-customer.map.json");
        var customers = new[]
        {
            new Customer { Id = "c-1", Name = "Bare" },
            new Customer
            {
                Id = "c-2",
                Name = "Quote \" backslash \\ tab \t emoji \ud83d\ude80 <tag> + & é",
                Stage = CustomerStage.OnHold,
                Category = "channel",
                CreditLimit = Money.Of(0.10m, "EUR"),
                CreatedAt = new DateTimeOffset(2024, 2, 29, 23, 59, 59, 123, TimeSpan.FromHours(-5)).AddTicks(4567),
                ExternalReferences = [ExternalReference.To("erp", "E-1"), ExternalReference.To("crm", "C-\u00e9")],
                BillingAddress = new PostalAddress { CountryCode = "DE" },
                ShippingAddress = new PostalAddress { Lines = ["Hafenstraße 7", "2. OG"], City = "Hamburg", CountryCode = "DE" },
                Contacts = [new ContactPerson { FamilyName = "Krüger" }, new ContactPerson { GivenName = "Ada", FamilyName = "Lovelace", Email = "ada@example.org", Role = "CFO" }],
                CustomFields = new() { ["crm"] = new() { ["Customer_Since__c"] = JsonElement.Parse("\"2019-05-01\""), ["Other"] = JsonElement.Parse("[1,2]") } },
            },
            new Customer
            {
                Id = "c-3",
                Name = "Odd values",
                CreditLimit = Money.Of(-79228162514264337593543950335m, "EUR"),
                CustomFields = new() { ["crm"] = new() { ["Customer_Since__c"] = JsonElement.Parse("20190501") } },
            },
            new Customer
            {
                Id = "c-4",
                Name = "Custom field not a date",
                CustomFields = new() { ["crm"] = new() { ["Customer_Since__c"] = JsonElement.Parse("{\"a\":\"\\u00e9\"}") } },
            },
        };

        foreach (var customer in customers)
        {
            AssertOutboundEqual(outbound, customer, customer.Id);
        }
    }

    private static void AssertOutboundEqual(CompiledMap outbound, Customer customer, string what)
    {
        var typeInfo = CanonicalJson.GetTypeInfo<Customer>();
        var direct = new ArrayBufferWriter<byte>();
        var throughJson = new ArrayBufferWriter<byte>();

        var result = outbound.MapFromEntity(customer, typeInfo, direct);

        var expected = outbound.Map(JsonSerializer.SerializeToUtf8Bytes(customer, typeInfo), throughJson);
        Assert.Equal(expected.Errors, result.Errors);
        Assert.True(
            direct.WrittenSpan.SequenceEqual(throughJson.WrittenSpan),
            $"{what}:\ndirect:\n{Encoding.UTF8.GetString(direct.WrittenSpan)}\nthrough JSON:\n{Encoding.UTF8.GetString(throughJson.WrittenSpan)}");
    }

    /// <summary>The JSON path: the map's target JSON, deserialized (as MapToEntity did before binding directly).</summary>
    internal static MapRecordResult<TEntity> ThroughJson<TEntity>(CompiledMap map, byte[] record, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TEntity>? typeInfo = null)
        where TEntity : class
    {
        typeInfo ??= CanonicalJson.GetTypeInfo<TEntity>();
        var output = new ArrayBufferWriter<byte>();
        var mapped = map.Map(record, output);
        if (!mapped.Succeeded)
        {
            return new MapRecordResult<TEntity>(null, mapped.Errors);
        }

        try
        {
            return new MapRecordResult<TEntity>(JsonSerializer.Deserialize(output.WrittenSpan, typeInfo), null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } p ? p[2..] : string.Empty;
            return new MapRecordResult<TEntity>(null, [new MapError(MappingErrorCodes.EntityNotReadable, field, null, $"{field}: the mapped value does not fit {typeof(TEntity).Name}: {ex.Message}")]);
        }
    }

    private static MapRecordResult<Customer> ThroughJson(CompiledMap map, byte[] record) => ThroughJson<Customer>(map, record);

    private static byte[] Vary(string path, string? json)
    {
        var account = JsonNode.Parse(File.ReadAllText(Fixture))!.AsObject();
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate((JsonNode)account, static (node, name) => node[name]!).AsObject();
        if (json is null)
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(json);
        }

        return Encoding.UTF8.GetBytes(account.ToJsonString());
    }
}
