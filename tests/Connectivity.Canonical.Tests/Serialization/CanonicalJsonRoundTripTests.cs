using System.Text.Json;
using Connectivity.Canonical.Schemas;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical.Tests.Serialization;

public sealed class CanonicalJsonRoundTripTests
{
    public static TheoryData<string> EntityNames => [.. CanonicalModel.EntityTypes.Select(static t => t.Name)];

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Serialize_ThenDeserialize_KeepsEveryValue(string entityName)
    {
        var entityType = CanonicalModel.Get(entityName);
        var original = CanonicalSamples.For(entityName);

        var json = JsonSerializer.Serialize(original, entityType.JsonTypeInfo);
        var read = (CanonicalEntity)JsonSerializer.Deserialize(json, entityType.JsonTypeInfo)!;
        var again = JsonSerializer.Serialize(read, entityType.JsonTypeInfo);

        Assert.IsType(entityType.ClrType, read);
        Assert.Equal(json, again);
        Assert.Equal(original.Id, read.Id);
        Assert.Equal(original.ModifiedAt, read.ModifiedAt);
        Assert.Equal(original.GetStageName(), read.GetStageName());
        Assert.Equal(original.ExternalReferences, read.ExternalReferences);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Serialize_FullyPopulatedEntity_IsValidAgainstItsSchema(string entityName)
    {
        var entityType = CanonicalModel.Get(entityName);

        var json = JsonSerializer.Serialize(CanonicalSamples.For(entityName), entityType.JsonTypeInfo);
        var result = CanonicalSchemas.Validate(entityType, json);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Serialize_Customer_WritesCamelCaseNamesAndStages()
    {
        var json = CanonicalJson.Serialize(CanonicalSamples.Customer());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("onHold", root.GetProperty("stage").GetString());
        Assert.Equal("EUR", root.GetProperty("creditLimit").GetProperty("currency").GetString());
        Assert.Equal("0015g00000XyZ12AAB", root.GetProperty("externalReferences")[0].GetProperty("remoteId").GetString());
        Assert.False(root.TryGetProperty("Stage", out _));
    }

    [Fact]
    public void Serialize_Invoice_KeepsDecimalDigitsExactly()
    {
        var invoice = CanonicalSamples.Invoice();

        var read = CanonicalJson.Deserialize<Invoice>(CanonicalJson.SerializeToUtf8Bytes(invoice));

        Assert.Equal(100_000.005m, read.AmountPaid!.Amount);
        Assert.Equal("214200.00", read.Total.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"amount\":100000.005", CanonicalJson.Serialize(invoice), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CustomFields_PassesRawJsonThroughUnchanged()
    {
        var json = CanonicalJson.Serialize(CanonicalSamples.Asset());

        var read = CanonicalJson.Deserialize<Asset>(json);

        Assert.Contains("\"Score__c\":12345678901234567890.123", json, StringComparison.Ordinal);
        Assert.Equal("12345678901234567890.123", read.CustomFields["crm"]["Score__c"].GetRawText());
        Assert.Equal("9007199254740993", read.SerialNumber);
    }

    [Fact]
    public void Deserialize_StageAsNumber_IsRefused()
    {
        var json = CanonicalJson.Serialize(CanonicalSamples.Site()).Replace("\"stage\":\"active\"", "\"stage\":1", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => CanonicalJson.Deserialize<Site>(json));
    }

    [Fact]
    public void Deserialize_AmountAsString_IsRefused()
    {
        var json = """{"amount":"12.50","currency":"EUR"}""";

        Assert.Throws<JsonException>(() => CanonicalJson.Deserialize<Money>(json));
    }

    [Fact]
    public void GetStageName_MatchesTheLifecycleSpelling()
    {
        foreach (var entityType in CanonicalModel.EntityTypes)
        {
            var sample = CanonicalSamples.For(entityType.Name);

            Assert.True(entityType.Lifecycle.ContainsStage(sample.GetStageName()), $"{entityType.Name}: {sample.GetStageName()}");
        }
    }
}
