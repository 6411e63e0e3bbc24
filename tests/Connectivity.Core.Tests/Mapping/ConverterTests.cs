using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

public sealed class ConverterTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData("\"12\"", "12")]
    [InlineData("\" +42 \"", "42")]
    [InlineData("\"12.000\"", "12")]
    [InlineData("9007199254740993", "9007199254740993")]
    [InlineData("\"123456789012345678901234567890\"", "123456789012345678901234567890")]
    [InlineData("-7", "-7")]
    public void AsInteger_KeepsEveryDigit(string input, string expected)
    {
        Assert.Equal($$"""{"v":{{expected}}}""", MapRunner.Field("v", r => r.Copy("x").AsInteger(), $$"""{"x":{{input}}}"""));
    }

    [Theory]
    [InlineData("\"12.5\"", "CNX1003")]
    [InlineData("\"twelve\"", "CNX1003")]
    [InlineData("1e3", "CNX1003")]
    [InlineData("true", "CNX1003")]
    public void AsInteger_NotAWholeNumber_IsAnError(string input, string code)
    {
        var error = Assert.Single(MapRunner.FieldFails("v", r => r.Copy("x").AsInteger(), $$"""{"x":{{input}}}"""));

        Assert.Equal(code, error.Code);
        Assert.Equal("v", error.TargetField);
        Assert.Equal("x", error.SourcePath);
    }

    [Theory]
    [InlineData("\"1500.50\"", "1500.50")]
    [InlineData("1500.50", "1500.50")]
    [InlineData("\"0.1234567890123456789012345678\"", "0.1234567890123456789012345678")]
    [InlineData("\"1.5e3\"", "1500")]
    [InlineData("\"-0.01\"", "-0.01")]
    [InlineData("\"79228162514264337593543950335\"", "79228162514264337593543950335")]
    public void AsDecimal_IsExact(string input, string expected)
    {
        Assert.Equal($$"""{"v":{{expected}}}""", MapRunner.Field("v", r => r.Copy("x").AsDecimal(), $$"""{"x":{{input}}}"""));
    }

    [Theory]
    [InlineData("\"123456789012345678901234567890\"", "CNX1004")]
    [InlineData("\"0.12345678901234567890123456789\"", "CNX1004")]
    [InlineData("1e400", "CNX1004")]
    [InlineData("\"1,5\"", "CNX1003")]
    [InlineData("\"NaN\"", "CNX1003")]
    [InlineData("{\"a\":1}", "CNX1003")]
    public void AsDecimal_ThatWouldLoseDigits_IsRefused(string input, string code)
    {
        var error = Assert.Single(MapRunner.FieldFails("v", r => r.Copy("x").AsDecimal(), $$"""{"x":{{input}}}"""));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void AsNumber_KeepsDigitsBeyondDecimal()
    {
        Assert.Equal("""{"v":123456789012345678901234567890.123}""", MapRunner.Field("v", r => r.Copy("x").AsNumber(), """{"x":"123456789012345678901234567890.123"}"""));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("\"Yes\"", "true")]
    [InlineData("\"y\"", "true")]
    [InlineData("\"ON\"", "true")]
    [InlineData("\"T\"", "true")]
    [InlineData("1", "true")]
    [InlineData("\"1\"", "true")]
    [InlineData("\"no\"", "false")]
    [InlineData("\"N\"", "false")]
    [InlineData("\"off\"", "false")]
    [InlineData("0", "false")]
    [InlineData("\" False \"", "false")]
    public void AsBoolean_ReadsCommonSpellings(string input, string expected)
    {
        Assert.Equal($$"""{"v":{{expected}}}""", MapRunner.Field("v", r => r.Copy("x").AsBoolean(), $$"""{"x":{{input}}}"""));
    }

    [Fact]
    public void AsBoolean_UnknownSpelling_IsAnError()
    {
        Assert.Equal(MappingErrorCodes.ConversionFailed, Assert.Single(MapRunner.FieldFails("v", r => r.Copy("x").AsBoolean(), """{"x":"maybe"}""")).Code);
    }

    [Theory]
    [InlineData("\"2023-11-14T22:13:20Z\"", "2023-11-14T22:13:20+00:00")]
    [InlineData("\"2023-11-14T22:13:20.123+01:00\"", "2023-11-14T22:13:20.123+01:00")]
    [InlineData("\"2023-11-14T22:13:20+0000\"", "2023-11-14T22:13:20+00:00")]
    [InlineData("\"2023-11-14T22:13:20.5-0530\"", "2023-11-14T22:13:20.5-05:30")]
    [InlineData("\"2023-11-14\"", "2023-11-14T00:00:00+00:00")]
    [InlineData("\"2023-11-14T22:13:20\"", "2023-11-14T22:13:20+00:00")]
    [InlineData("\"/Date(1699999999000)/\"", "2023-11-14T22:13:19+00:00")]
    [InlineData("\"\\/Date(1699999999000+0000)\\/\"", "2023-11-14T22:13:19+00:00")]
    [InlineData("\"/Date(1699999999000+0100)/\"", "2023-11-14T23:13:19+01:00")]
    [InlineData("\"/Date(-86400000)/\"", "1969-12-31T00:00:00+00:00")]
    [InlineData("1699999999000", "2023-11-14T22:13:19+00:00")]
    [InlineData("\"1699999999000\"", "2023-11-14T22:13:19+00:00")]
    public void AsDateTime_ReadsVendorFormats(string input, string expected)
    {
        Assert.Equal($$"""{"v":"{{expected}}"}""", MapRunner.Field("v", r => r.Copy("x").AsDateTime(), $$"""{"x":{{input}}}"""));
    }

    [Fact]
    public void FromEpoch_Seconds_ReadsSeconds()
    {
        Assert.Equal("""{"v":"2023-11-14T22:13:19+00:00"}""", MapRunner.Field("v", r => r.Copy("x").FromEpoch(EpochUnit.Seconds), """{"x":1699999999}"""));
    }

    [Fact]
    public void AsDate_CustomInputAndOutputFormats()
    {
        Assert.Equal("""{"v":"2024-03-01","w":"01/03/2024"}""", new MapBuilder("dates")
            .Field("v", r => r.Copy("x").AsDate(null, "dd.MM.yyyy"))
            .Field("w", r => r.Copy("y").AsDate("dd/MM/yyyy"))
            .Build().Run("""{"x":"01.03.2024","y":"2024-03-01T23:59:00+02:00"}"""));
    }

    [Theory]
    [InlineData("\"14/11/2023\"")]
    [InlineData("\"2023-13-01\"")]
    [InlineData("\"/Date(abc)/\"")]
    [InlineData("true")]
    public void AsDateTime_Unreadable_IsAnError(string input)
    {
        var error = Assert.Single(MapRunner.FieldFails("v", r => r.Copy("x").AsDateTime(), $$"""{"x":{{input}}}"""));

        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Contains("is not a date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextTransforms_TrimCaseSplitSubstringPad()
    {
        var map = new MapBuilder("text")
            .Field("trim", r => r.Copy("a").Trim())
            .Field("upper", r => r.Copy("a").Trim().ToUpper())
            .Field("lower", r => r.Copy("b").ToLower())
            .Field("first", r => r.Copy("c").Split(" ", 0))
            .Field("last", r => r.Copy("c").Split(" ", -1))
            .Field("sub", r => r.Copy("d").Substring(2, 3))
            .Field("subShort", r => r.Copy("d").Substring(5, 10))
            .Field("pad", r => r.Copy("e").AsText().PadLeft(6, '0'))
            .Field("padRight", r => r.Copy("f").PadRight(4, '.'))
            .Field("unicode", r => r.Copy("g").ToUpper().Substring(0, 3))
            .Build();

        var output = map.Run("""{"a":"  straße \u00a0","b":"MiXeD","c":"Ada King Lovelace","d":"ABCDEFG","e":42,"f":"x","g":"élan"}""");

        Assert.Equal("""{"trim":"straße","upper":"STRAßE","lower":"mixed","first":"Ada","last":"Lovelace","sub":"CDE","subShort":"FG","pad":"000042","padRight":"x...","unicode":"ÉLA"}""", output);
    }

    [Fact]
    public void Concat_SkipsAbsentNullAndEmptyParts()
    {
        var map = new MapBuilder("concat").Field("full", r => r.Concat(" ", "First", "Middle", "Last")).Build();

        Assert.Equal("""{"full":"Ada Lovelace"}""", map.Run("""{"First":"Ada","Middle":"","Last":"Lovelace"}"""));
        Assert.Equal("""{"full":"Lovelace"}""", map.Run("""{"First":null,"Last":"Lovelace"}"""));
        Assert.Equal("{}", map.Run("{}"));
    }

    [Fact]
    public void DefaultAndRequired_TreatBlankAsMissing()
    {
        var map = new MapBuilder("req")
            .Field("name", r => r.Copy("Name").Trim().Required())
            .Field("terms", r => r.Copy("Terms").Default("NET30"))
            .Build();

        Assert.Equal("""{"name":"A","terms":"NET30"}""", map.Run("""{"Name":" A ","Terms":"  "}"""));
        var error = Assert.Single(map.Fail("""{"Name":"   "}"""));
        Assert.Equal(MappingErrorCodes.RequiredValueMissing, error.Code);
        Assert.Equal("name", error.TargetField);
        Assert.Equal("Name", error.SourcePath);
        Assert.Contains("blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullIf_TurnsValuesIntoNull()
    {
        Assert.Equal("""{"v":"fallback"}""", MapRunner.Field("v", r => r.Copy("x").NullIf("N/A", "-").Default("fallback"), """{"x":"N/A"}"""));
    }

    [Fact]
    public void ValueMap_LooksUpWithDefaultErrorPassThroughAndCase()
    {
        var entries = new Dictionary<string, string> { ["Customer - Direct"] = "direct", ["Partner"] = "partner" };
        var strict = ValueMapTable.FromStrings("type", entries);
        var map = new MapBuilder("vm")
            .ValueMap(strict)
            .ValueMap(ValueMapTable.FromStrings("typeLoose", entries) with { IgnoreCase = true, OnUnknown = UnknownValueHandling.UseDefault, Default = System.Text.Json.JsonSerializer.SerializeToElement("other") })
            .ValueMap(ValueMapTable.FromStrings("typeKeep", entries) with { OnUnknown = UnknownValueHandling.PassThrough })
            .Field("strict", r => r.Copy("a").MapValues("type"))
            .Field("loose", r => r.Copy("b").MapValues("typeLoose"))
            .Field("keep", r => r.Copy("c").MapValues("typeKeep"))
            .Build();

        Assert.Equal("""{"strict":"direct","loose":"partner","keep":"Reseller"}""", map.Run("""{"a":"Customer - Direct","b":"PARTNER","c":"Reseller"}"""));
        Assert.Equal("""{"strict":"partner","loose":"other"}""", map.Run("""{"a":"Partner","b":"Unknown"}"""));
        var error = Assert.Single(map.Fail("""{"a":"partner"}"""));
        Assert.Equal(MappingErrorCodes.UnknownMappedValue, error.Code);
        Assert.Contains("value map 'type' has no entry for \"partner\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedValueMap_IsFoundByName()
    {
        var options = new MapCompilerOptions();
        options.SharedValueMaps["country"] = ValueMapTable.FromStrings("country", new Dictionary<string, string> { ["Germany"] = "DE" });

        var map = new MapBuilder("shared").Field("c", r => r.Copy("Country").MapValues("country")).Build(options);

        Assert.Equal("""{"c":"DE"}""", map.Run("""{"Country":"Germany"}"""));
    }
}
