using System.Buffers;
using System.Text.Json;
using Connectivity.Mapping;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>The C# builder and the JSON document describe the same map: same explanation, same output.</summary>
public sealed class BuilderDocumentEquivalenceTests
{
    [Fact]
    public void BuilderAndDocument_ForTheDirectMap_ExplainAndMapAlike()
    {
        var document = ExampleMapsTests.Load("crm-account-to-erp-customer.map.json");
        var built = Builder().Build();
        var account = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Connectivity.Canonical.Tests", "Mapping", "Fixtures", "crm-account.json"));
        var fromDocument = new ArrayBufferWriter<byte>();
        var fromBuilder = new ArrayBufferWriter<byte>();

        Assert.True(document.Map(account, fromDocument).Succeeded);
        Assert.True(built.Map(account, fromBuilder).Succeeded);

        Assert.Equal(document.Explain().ToString(), built.Explain().ToString());
        Assert.Equal(fromDocument.WrittenSpan.ToArray(), fromBuilder.WrittenSpan.ToArray());
    }

    [Fact]
    public void Explain_NamesSourcesRulesAndValueMapsPerTargetField()
    {
        var explanation = ExampleMapsTests.Load("crm-account-to-erp-customer.map.json").Explain();

        var category = explanation.Fields.Single(static f => f.TargetPath == "category");
        Assert.Equal(["Type"], category.SourcePaths);
        Assert.Equal(["copy Type", "valueMap(category)"], category.Rules);
        Assert.Equal(["category"], category.ValueMaps);
        var fullName = explanation.Fields.Single(static f => f.TargetPath == "contacts[].fullName");
        Assert.Equal(["Contacts.records[*].FirstName", "Contacts.records[*].LastName"], fullName.SourcePaths);
        var billingCity = explanation.Fields.Single(static f => f.TargetPath == "addresses[0]");
        Assert.Contains("BillingAddress.street", billingCity.SourcePaths);
        Assert.Matches(@"\n  isActive +<-  Status__c  \[when Status__c in \[Active\] then constant true otherwise constant false\]", explanation.ToString());
    }

    private static MapBuilder Builder()
    {
        static JsonElement Text(string value) => JsonSerializer.SerializeToElement(value);
        var address = (string kind, string source, bool billing) => (Func<RuleBuilder, RuleBuilder>)(a => a.When(
            MapCondition.Exists($"{source}.street"),
            t => t.ObjectWith(o => o
                .Field("type", f => f.Constant(kind))
                .Field("line1", f => f.Copy($"{source}.street"))
                .Field("city", f => f.Copy($"{source}.city"))
                .Field("region", f => f.Copy($"{source}.state"))
                .Field("postalCode", f => f.Copy($"{source}.postalCode"))
                .Field("country", f => f.Copy($"{source}.country"))
                .Field("isDefaultBilling", f => f.Constant(billing))
                .Field("isDefaultShipping", f => f.Constant(!billing)))));

        return new MapBuilder("crm-account-to-erp-customer")
            .From("crm").To("erp")
            .WithOptions(MapOptions.Default with { NullSentinels = MapOptions.CommonNullSentinels })
            .ValueMap(ValueMapTable.FromStrings("category", new Dictionary<string, string> { ["Customer - Direct"] = "DIRECT", ["Customer - Channel"] = "CHANNEL", ["Partner"] = "PARTNER", ["Prospect"] = "PROSPECT" })
                with { IgnoreCase = true, Default = Text("OTHER"), OnUnknown = UnknownValueHandling.UseDefault })
            .ValueMap(ValueMapTable.FromStrings("paymentTerms", new Dictionary<string, string> { ["Net 15"] = "NET15", ["Net 30"] = "NET30", ["Net 60"] = "NET60", ["Due on receipt"] = "DUE" })
                with { Default = Text("NET30"), OnUnknown = UnknownValueHandling.UseDefault })
            .Field("externalId", r => r.Copy("Id").Required())
            .Field("number", r => r.Copy("AccountNumber"))
            .Field("name", r => r.Copy("Name").Trim().Required())
            .Field("category", r => r.Copy("Type").MapValues("category"))
            .Field("paymentTermsCode", r => r.Copy("Payment_Terms__c").MapValues("paymentTerms"))
            .Field("creditLimit", r => r.Copy("Credit_Limit__c").AsDecimal())
            .Field("currency", r => r.Copy("CurrencyIsoCode").ToUpper())
            .Field("taxId", r => r.Copy("Tax_Id__c"))
            .Field("phone", r => r.Copy("Phone"))
            .Field("website", r => r.Copy("Website"))
            .Field("isActive", r => r.When(MapCondition.EqualTo("Status__c", "Active"), t => t.Constant(true), o => o.Constant(false)))
            .Field("createdAt", r => r.Copy("CreatedDate").AsDateTime())
            .Field("customerSince", r => r.Copy("Customer_Since__c").AsDate("yyyyMMdd"))
            .Field("addresses", r => r.Array(address("billing", "BillingAddress", true), address("shipping", "ShippingAddress", false)))
            .Field("contacts", r => r.Each("Contacts.records[*]", e => e.ObjectWith(o => o
                .Field("fullName", f => f.Concat(" ", "FirstName", "LastName"))
                .Field("email", f => f.Copy("Email").ToLower())
                .Field("phone", f => f.Copy("Phone"))
                .Field("jobTitle", f => f.Copy("Title")))));
    }
}
