using System.Text.Json.Nodes;
using Connectivity.Canonical.Schemas;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical.Tests.Schemas;

public sealed class CanonicalSchemasValidateTests
{
    /// <summary>
    /// Invalid documents: each case breaks a valid sample of the entity in one or two places and names
    /// every error the validation must report, as "CODE path".
    /// </summary>
    public static TheoryData<string, string, string[]> InvalidDocuments => new()
    {
        { "customer", "remove name", ["CNX3001 $.name"] },
        { "customer", "set billingAddress.countryCode=\"de\"", ["CNX3003 $.billingAddress.countryCode"] },
        { "customer", "set stage=\"deleted\"", ["CNX3005 $.stage"] },
        { "customer", "set colour=\"blue\"; set creditLimit.amount=\"12.50\"", ["CNX3004 $.colour", "CNX3002 $.creditLimit.amount"] },
        { "customer", "set contacts[0].email=\"not an address\"; remove contacts[1].familyName", ["CNX3007 $.contacts[0].email", "CNX3001 $.contacts[1].familyName"] },
        { "project", "remove customerId; remove number", ["CNX3001 $.number", "CNX3001 $.customerId"] },
        { "project", "set plannedSchedule.start=\"2026-13-01\"", ["CNX3007 $.plannedSchedule.start"] },
        { "project", "set estimatedValue.currency=\"euro\"", ["CNX3003 $.estimatedValue.currency"] },
        { "contract", "remove originalValue", ["CNX3001 $.originalValue"] },
        { "contract", "set lines[1].lineNumber=0", ["CNX3006 $.lines[1].lineNumber"] },
        { "contract", "set changeOrders[0].status=\"signed\"", ["CNX3005 $.changeOrders[0].status"] },
        { "site", "remove address.countryCode", ["CNX3001 $.address.countryCode"] },
        { "site", "set address=\"Harbour Tower\"", ["CNX3002 $.address"] },
        { "site", "set createdAt=\"yesterday\"", ["CNX3007 $.createdAt"] },
        { "asset", "set serialNumber=9007199254740993", ["CNX3002 $.serialNumber"] },
        { "asset", "remove customerId; set stage=\"broken\"", ["CNX3005 $.stage", "CNX3001 $.customerId"] },
        { "asset", "set externalReferences[1].remoteId=\"\"", ["CNX3006 $.externalReferences[1].remoteId"] },
        { "workOrder", "set priority=\"urgent\"", ["CNX3005 $.priority"] },
        { "workOrder", "set labourLines[0].duration.unit=\"\"; set partLines[0].quantity.value=\"1\"", ["CNX3006 $.labourLines[0].duration.unit", "CNX3002 $.partLines[0].quantity.value"] },
        { "workOrder", "remove summary; set completedAt=\"last tuesday\"", ["CNX3001 $.summary", "CNX3007 $.completedAt"] },
        { "entitlement", "set kind=\"insurance\"", ["CNX3005 $.kind"] },
        { "entitlement", "set includedVisits=-1", ["CNX3006 $.includedVisits"] },
        { "entitlement", "set usedVisits=1.5", ["CNX3002 $.usedVisits"] },
        { "invoice", "remove total; remove invoiceDate", ["CNX3001 $.invoiceDate", "CNX3001 $.total"] },
        { "invoice", "set lines[0].taxRate=19", ["CNX3006 $.lines[0].taxRate"] },
        { "invoice", "set currency=\"eur\"; set version=-3", ["CNX3006 $.version", "CNX3003 $.currency"] },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Validate_InvalidDocument_ReportsEveryErrorWithItsPath(string entityName, string mutations, string[] expected)
    {
        var entityType = CanonicalModel.Get(entityName);
        var document = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(CanonicalSamples.For(entityName), entityType.JsonTypeInfo))!;
        JsonMutations.Apply(document, mutations);

        var result = CanonicalSchemas.Validate(entityType, document.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Errors.Select(static e => $"{e.Code} {e.Path}").Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains(e.Path, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MalformedJson_ReportsInvalidJsonWithPosition()
    {
        var result = CanonicalSchemas.Validate<Customer>("{\n  \"id\": \"c1\",\n  \"name\": \n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(SchemaErrorCodes.InvalidJson, error.Code);
        Assert.Equal("$", error.Path);
        Assert.Equal(4, error.LineNumber);
    }

    [Fact]
    public void Validate_ErrorsCarryLineNumbers()
    {
        var json = CanonicalJson.Serialize(CanonicalSamples.Site()).Replace("\"timeZone\":", "\n\"colour\":\"red\",\"timeZone\":", StringComparison.Ordinal);

        var result = CanonicalSchemas.Validate<Site>(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal(SchemaErrorCodes.UnknownProperty, error.Code);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("CNX3004 $.colour: $.colour is not a property of this entity; put fields the model does not have in customFields.", error.ToString());
    }

    [Fact]
    public void Validate_PatternMismatch_NamesThePattern()
    {
        var json = CanonicalJson.Serialize(CanonicalSamples.Customer()).Replace("\"currency\":\"EUR\",\"creditLimit\"", "\"currency\":\"EURO\",\"creditLimit\"", StringComparison.Ordinal);

        var result = CanonicalSchemas.Validate<Customer>(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.currency does not match the pattern ^[A-Z]{3}$.", error.Message);
    }

    [Fact]
    public void Validate_NullForNullableValue_IsValid()
    {
        var json = CanonicalJson.Serialize(CanonicalSamples.Customer()).Replace("\"taxId\":\"DE811569869\"", "\"taxId\":null", StringComparison.Ordinal);

        Assert.True(CanonicalSchemas.Validate<Customer>(json).IsValid);
    }

    [Fact]
    public void Validate_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CanonicalSchemas.Validate<Customer>(null!));
        Assert.Throws<ArgumentNullException>(() => CanonicalSchemas.Validate(null!, "{}"));
    }
}
