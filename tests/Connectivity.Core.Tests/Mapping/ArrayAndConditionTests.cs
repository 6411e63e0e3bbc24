using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

public sealed class ArrayAndConditionTests
{
    private const string Account = """
        {
          "Name": "Nordwind",
          "Status__c": "Active",
          "BillingStreet": "Am Sandtorkai 1", "BillingCity": "Hamburg", "BillingCountry": "DE",
          "ShippingStreet": null, "ShippingCity": null,
          "Contacts": { "totalSize": 3, "records": [
            { "FirstName": "Jana", "LastName": "Krüger", "Email": "jana@x.example", "Primary__c": true },
            { "FirstName": null, "LastName": "Okafor", "Email": null, "Primary__c": false },
            { "FirstName": "Lars", "LastName": "Eriksen", "Email": "lars@x.example", "Primary__c": false }
          ]},
          "custom_fields": [ { "id": 123, "value": "gold" }, { "id": 456, "value": "EMEA" } ],
          "orders": [ { "lines": [ { "sku": "A" }, { "sku": "B" } ] }, { "lines": [] }, { "lines": [ { "sku": "C" } ] } ]
        }
        """;

    [Fact]
    public void Each_MapsEveryElementWithElementRelativePaths()
    {
        var map = new MapBuilder("each")
            .Field("contacts", r => r.Each("Contacts.records[*]", e => e.ObjectWith(o => o
                .Field("fullName", f => f.Concat(" ", "FirstName", "LastName"))
                .Field("email", f => f.Copy("Email"))
                .Field("account", f => f.Copy("$.Name")))))
            .Build();

        Assert.Equal(
            """{"contacts":[{"fullName":"Jana Krüger","email":"jana@x.example","account":"Nordwind"},{"fullName":"Okafor","account":"Nordwind"},{"fullName":"Lars Eriksen","email":"lars@x.example","account":"Nordwind"}]}""",
            map.Run(Account));
    }

    [Fact]
    public void Each_WithFilter_KeepsMatchingElements()
    {
        var map = new MapBuilder("filter")
            .Field("emails", r => r.Each("Contacts.records[*]", e => e.Copy("Email"), MapCondition.Exists("Email")))
            .Field("primary", r => r.Each("Contacts.records[*]", e => e.Copy("LastName"), MapCondition.EqualTo("Primary__c", "true")))
            .Build();

        Assert.Equal("""{"emails":["jana@x.example","lars@x.example"],"primary":["Krüger"]}""", map.Run(Account));
    }

    [Fact]
    public void Each_OverNestedArrays_Flattens()
    {
        Assert.Equal("""{"skus":["A","B","C"]}""", MapRunner.Field("skus", r => r.Each("orders[*].lines[*]", e => e.Copy("sku")), Account));
    }

    [Fact]
    public void Each_AbsentArray_LeavesTargetOut_EmptyArrayWritesEmpty()
    {
        var map = new MapBuilder("absent").Field("xs", r => r.Each("items[*]", e => e.Copy("id"))).Build();

        Assert.Equal("{}", map.Run("{}"));
        Assert.Equal("""{"xs":[]}""", map.Run("""{"items":[]}"""));
    }

    [Fact]
    public void Pick_ChoosesElementByPredicate()
    {
        var map = new MapBuilder("pick")
            .Field("tier", r => r.Pick("custom_fields[*]", MapCondition.EqualTo("id", "123"), "value"))
            .Field("region", r => r.Pick("custom_fields[*]", MapCondition.EqualTo("id", "456"), "value").ToLower())
            .Field("missing", r => r.Pick("custom_fields[*]", MapCondition.EqualTo("id", "789"), "value"))
            .Build();

        Assert.Equal("""{"tier":"gold","region":"emea"}""", map.Run(Account));
    }

    [Fact]
    public void Array_FromSeveralFields_LeavesOutAbsentItems()
    {
        var map = new MapBuilder("addresses")
            .Field("addresses", r => r.Array(
                a => a.When(MapCondition.Exists("BillingStreet"), t => t.ObjectWith(o => o
                    .Field("type", f => f.Constant("billing"))
                    .Field("street", f => f.Copy("BillingStreet"))
                    .Field("city", f => f.Copy("BillingCity"))
                    .Field("isDefaultBilling", f => f.Constant(true)))),
                a => a.When(MapCondition.Exists("ShippingStreet"), t => t.ObjectWith(o => o
                    .Field("type", f => f.Constant("shipping"))
                    .Field("street", f => f.Copy("ShippingStreet"))))))
            .Build();

        Assert.Equal("""{"addresses":[{"type":"billing","street":"Am Sandtorkai 1","city":"Hamburg","isDefaultBilling":true}]}""", map.Run(Account));
    }

    [Fact]
    public void When_Otherwise_ComputesFlags()
    {
        var map = new MapBuilder("when")
            .Field("isActive", r => r.When(MapCondition.EqualTo("Status__c", "Active", "Open"), t => t.Constant(true), o => o.Constant(false)))
            .Field("segment", r => r.When(MapCondition.All(MapCondition.Exists("Name"), MapCondition.Not(MapCondition.EqualTo("BillingCountry", "US"))), t => t.Constant("international")))
            .Field("flag", r => r.When(MapCondition.Any(MapCondition.Missing("Nope"), MapCondition.Exists("Name")), t => t.Constant("y")))
            .Field("ignoreCase", r => r.When(new MapCondition(MapConditionKind.Equals) { Path = "Status__c", Values = ["ACTIVE"], IgnoreCase = true }, t => t.Constant(1L)))
            .Field("notEquals", r => r.When(MapCondition.NotEqualTo("Status__c", "Active"), t => t.Constant(1L), o => o.Constant(0L)))
            .Build();

        Assert.Equal("""{"isActive":true,"segment":"international","flag":"y","ignoreCase":1,"notEquals":0}""", map.Run(Account));
    }

    [Fact]
    public void Call_NamedFunction_ReceivesArgumentsAndFailsPerRecord()
    {
        var functions = new MapFunctionRegistry()
            .Register("vat", static args => args.TryGetDecimal(0, out var net) ? MapFunctionResult.FromNumber(net * 1.19m) : MapFunctionResult.Fail("net amount is not a number"))
            .Register("initials", static args =>
            {
                var initials = string.Empty;
                for (var i = 0; i < args.Count; i++)
                {
                    initials += args.GetText(i)?[..1];
                }

                return MapFunctionResult.FromText(initials);
            })
            .Register("boom", static _ => throw new InvalidOperationException("kaput"));
        var options = new MapCompilerOptions { Functions = functions };
        var map = new MapBuilder("fn")
            .Field("gross", r => r.Call("vat", "Net"))
            .Field("initials", r => r.Call("initials", "First", "Last"))
            .Build(options);

        Assert.Equal("""{"gross":119.0000,"initials":"AL"}""", map.Run("""{"Net":"100.00","First":"Ada","Last":"Lovelace"}"""));
        var error = Assert.Single(map.Fail("""{"Net":"abc","First":"Ada","Last":"Lovelace"}"""));
        Assert.Equal(MappingErrorCodes.FunctionFailed, error.Code);
        Assert.Contains("net amount is not a number", error.Message, StringComparison.Ordinal);

        var boom = new MapBuilder("fn").Field("x", r => r.Call("boom", Array.Empty<string>())).Build(options);
        Assert.Contains("InvalidOperationException: kaput", Assert.Single(boom.Fail("{}")).Message, StringComparison.Ordinal);
    }
}
