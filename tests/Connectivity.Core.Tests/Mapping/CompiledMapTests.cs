using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

public sealed class CompiledMapTests
{
    [Fact]
    public void Map_Copy_KeepsTypesAndDigits()
    {
        var map = new MapBuilder("copy")
            .Field("name", r => r.Copy("Name"))
            .Field("amount", r => r.Copy("Amount"))
            .Field("active", r => r.Copy("Active"))
            .Field("tags", r => r.Copy("Tags"))
            .Field("address", r => r.Copy("Address"))
            .Build();

        var output = map.Run("""{"Name":"Kr\u00fcger \"A\"","Amount":12345678901234567890.1234567890,"Active":true,"Tags":["a",1],"Address":{"City":"Köln"},"Noise":[1,2,{"x":1}]}""");

        Assert.Equal("""{"name":"Krüger \"A\"","amount":12345678901234567890.1234567890,"active":true,"tags":["a",1],"address":{"City":"Köln"}}""", output);
    }

    [Fact]
    public void Map_NestedSourcePath_ReadsOnlyWhatItNeeds()
    {
        var output = MapRunner.Field("city", r => r.Copy("BillingAddress.City"), """{"BillingAddress":{"Street":"x","City":"Hamburg","Geo":{"lat":1}},"Other":{"City":"no"}}""");

        Assert.Equal("""{"city":"Hamburg"}""", output);
    }

    [Fact]
    public void Map_AbsentSource_LeavesTargetOut()
    {
        Assert.Equal("{}", MapRunner.Field("city", r => r.Copy("BillingAddress.City"), """{"Name":"x"}"""));
    }

    [Fact]
    public void Map_NullSource_LeavesTargetOutUnlessWriteNulls()
    {
        Assert.Equal("{}", MapRunner.Field("city", r => r.Copy("City"), """{"City":null}"""));
        Assert.Equal("""{"city":null}""", MapRunner.Field("city", r => r.Copy("City"), """{"City":null}""", MapOptions.Default with { WriteNulls = true }));
    }

    [Theory]
    [InlineData("""['@odata.etag']""", """{"@odata.etag":"W/\"1\"","odata":{"etag":"wrong"}}""", "W/\\\"1\\\"")]
    [InlineData("""["_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"]""", """{"_parentcustomerid_value@OData.Community.Display.V1.FormattedValue":"Contoso"}""", "Contoso")]
    [InlineData("""['Billing City']""", """{"Billing City":"Oslo"}""", "Oslo")]
    [InlineData("""items[1].id""", """{"items":[{"id":"a"},{"id":"b"}]}""", "b")]
    [InlineData("""d.results[0]['__metadata'].uri""", """{"d":{"results":[{"__metadata":{"uri":"u1"}}]}}""", "u1")]
    public void Map_PathsWithQuotedNamesAndIndexes_Resolve(string path, string json, string expected)
    {
        Assert.Equal($$"""{"v":"{{expected}}"}""", MapRunner.Field("v", r => r.Copy(path), json));
    }

    [Fact]
    public void Map_EscapedPropertyName_Matches()
    {
        Assert.Equal("""{"v":1}""", MapRunner.Field("v", r => r.Copy("Name"), """{"N\u0061me":1}"""));
    }

    [Fact]
    public void Map_DottedTargets_BuildNestedObject()
    {
        var map = new MapBuilder("nested")
            .Field("creditLimit.amount", r => r.Copy("Limit").AsDecimal())
            .Field("creditLimit.currency", r => r.Constant("EUR"))
            .Field("name", r => r.Copy("Name"))
            .Build();

        Assert.Equal("""{"creditLimit":{"amount":1500.50,"currency":"EUR"},"name":"A"}""", map.Run("""{"Limit":"1500.50","Name":"A"}"""));
        Assert.Equal("""{"name":"A"}""", map.Run("""{"Name":"A"}"""));
    }

    [Fact]
    public void Map_Constants_WriteEveryKind()
    {
        var map = new MapBuilder("constants")
            .Field("s", r => r.Constant("x"))
            .Field("n", r => r.Constant(12.50m))
            .Field("i", r => r.Constant(7L))
            .Field("b", r => r.Constant(false))
            .Field("o", r => r.ConstantJson("""{"k":[1,null]}"""))
            .Build();

        Assert.Equal("""{"s":"x","n":12.50,"i":7,"b":false,"o":{"k":[1,null]}}""", map.Run("{}"));
    }

    [Fact]
    public void Map_NullSentinels_AreReadAsNull()
    {
        var options = MapOptions.Default with { NullSentinels = MapOptions.CommonNullSentinels };
        var map = new MapBuilder("sentinels").WithOptions(options)
            .Field("a", r => r.Copy("A").Default("none"))
            .Field("b", r => r.Copy("B").Default("none"))
            .Field("c", r => r.Copy("C").Default("none"))
            .Field("d", r => r.Copy("D").Default("none"))
            .Field("e", r => r.Copy("E").Default("none"))
            .Build();

        var output = map.Run("""{"A":"","B":" ","C":"UNKNOWN","D":"00000000-0000-0000-0000-000000000000","E":"Known"}""");

        Assert.Equal("""{"a":"none","b":"none","c":"none","d":"none","e":"Known"}""", output);
    }

    [Fact]
    public void Map_NullSentinelsByLength_OnlyExactSentinelsAreNull()
    {
        // Values are compared only when their length is a sentinel's length; lengths of 63 bytes and more share one bit.
        var longSentinel = new string('x', 70);
        var options = MapOptions.Default with { NullSentinels = ["N/A", longSentinel] };
        var map = new MapBuilder("sentinels").WithOptions(options)
            .Field("a", r => r.Copy("A").Default("none"))
            .Field("b", r => r.Copy("B").Default("none"))
            .Field("c", r => r.Copy("C").Default("none"))
            .Field("d", r => r.Copy("D").Default("none"))
            .Field("e", r => r.Copy("E").Default("none"))
            .Field("f", r => r.Copy("F").Default("none"))
            .Build();

        var output = map.Run($$"""{"A":"N/A","B":"n/a","C":"N\/A","D":"{{longSentinel}}","E":"{{new string('x', 90)}}","F":""}""");

        Assert.Equal($$"""{"a":"none","b":"n/a","c":"none","d":"none","e":"{{new string('x', 90)}}","f":"none"}""", output);
    }

    [Fact]
    public void Map_ValueObjects_UnwrapValueOrDisplayValue()
    {
        const string Json = """{"state":{"display_value":"In Progress","value":"2"},"number":"WO1","assigned_to":{"display_value":"Ana","value":"6816f79cc0a8016401c5a33be04be441"}}""";

        var values = new MapBuilder("sn").WithOptions(MapOptions.Default with { UnwrapValueObjects = ValueObjectMember.Value })
            .Field("state", r => r.Copy("state")).Field("number", r => r.Copy("number")).Field("assignee", r => r.Copy("assigned_to"))
            .Build();
        var display = new MapBuilder("sn").WithOptions(MapOptions.Default with { UnwrapValueObjects = ValueObjectMember.DisplayValue })
            .Field("state", r => r.Copy("state")).Field("assignee", r => r.Copy("assigned_to"))
            .Build();

        Assert.Equal("""{"state":"2","number":"WO1","assignee":"6816f79cc0a8016401c5a33be04be441"}""", values.Run(Json));
        Assert.Equal("""{"state":"In Progress","assignee":"Ana"}""", display.Run(Json));
        Assert.Equal("""{"v":"2"}""", MapRunner.Field("v", r => r.Copy("state.value"), Json));
    }

    [Fact]
    public void Map_CaptureUnmapped_KeepsEveryOtherTopLevelFieldRaw()
    {
        var map = new MapBuilder("unmapped")
            .WithOptions(MapOptions.Default with { CaptureUnmappedInto = "customFields.crm" })
            .Field("name", r => r.Copy("Name"))
            .Field("city", r => r.Copy("Address.City"))
            .Build();

        var output = map.Run("""{"Name":"A","Region__c":"North","Score__c":12345678901234567890.5,"Address":{"City":"X","Zip":"1"},"Tags__c":["a"]}""");

        Assert.Equal("""{"name":"A","city":"X","customFields":{"crm":{"Region__c":"North","Score__c":12345678901234567890.5,"Tags__c":["a"]}}}""", output);
    }

    [Fact]
    public void Map_FirstOf_TakesFirstPresentValue()
    {
        Assert.Equal("""{"v":"b"}""", MapRunner.Field("v", r => r.FirstOf("A", "B", "C"), """{"A":null,"B":"b","C":"c"}"""));
    }

    [Fact]
    public void Map_ManyRecords_ReuseStateWithoutLeakingValues()
    {
        var map = new MapBuilder("reuse").Field("a", r => r.Copy("A")).Field("b", r => r.Copy("B")).Build();

        Assert.Equal("""{"a":1,"b":2}""", map.Run("""{"A":1,"B":2}"""));
        Assert.Equal("""{"b":3}""", map.Run("""{"B":3}"""));
        Assert.Equal("{}", map.Run("""{"C":3}"""));
    }

    [Fact]
    public async Task Map_FromManyThreads_GivesTheSameOutput()
    {
        var map = new MapBuilder("threads").Field("name", r => r.Concat(" ", "First", "Last").ToUpper()).Build();

        var outputs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Enumerable.Range(0, 500).Select(j => map.Run($$"""{"First":"a{{i}}","Last":"b{{j}}"}""")).ToArray())));

        for (var i = 0; i < 8; i++)
        {
            for (var j = 0; j < 500; j++)
            {
                Assert.Equal($$"""{"name":"A{{i}} B{{j}}"}""", outputs[i][j]);
            }
        }
    }
}
