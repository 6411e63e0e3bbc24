using System.Buffers;
using System.Text;
using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

/// <summary>
/// Hostile records give one clear per-record error each; none crashes, hangs or stops the batch: the good
/// records around them still map.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly CompiledMap Map = new MapBuilder("hostile")
        .Field("name", r => r.Copy("Name").Required())
        .Field("limit", r => r.Copy("Limit").AsDecimal())
        .Field("since", r => r.Copy("Since").AsDateTime())
        .Field("active", r => r.Copy("Active").AsBoolean())
        .Field("city", r => r.Copy("Address.City").ToUpper())
        .Field("contacts", r => r.Each("Contacts[*]", e => e.Concat(" ", "First", "Last")))
        .Build();

    public static TheoryData<string, string, string> Corpus()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            deep.Append("{\"a\":");
        }

        deep.Append('1').Append('}', 10_000);
        var data = new TheoryData<string, string, string>
        {
            { "truncated", """{"Name":"A","Limit":"1""", "CNX1006" },
            { "trailing garbage", """{"Name":"A"} garbage""", "CNX1006" },
            { "second document", """{"Name":"A"}{"Name":"B"}""", "CNX1006" },
            { "not an object", """["Name","A"]""", "CNX1006" },
            { "empty", "", "CNX1006" },
            { "unpaired surrogate", """{"Name":"\ud800x"}""", "CNX1006" },
            { "10,000-deep nesting", "{\"Name\":\"A\",\"x\":" + deep + "}", "CNX1006" },
            { "1e400", """{"Name":"A","Limit":1e400}""", "CNX1004" },
            { "duplicate mapped key", """{"Name":"A","Name":"B"}""", "CNX1006" },
            { "name is a number", """{"Name":12}""", "none" },
            { "name is an object (untyped target)", """{"Name":{"x":1}}""", "none" },
            { "limit is an array", """{"Name":"A","Limit":[1]}""", "CNX1003" },
            { "since is a boolean", """{"Name":"A","Since":true}""", "CNX1003" },
            { "active is an object", """{"Name":"A","Active":{}}""", "CNX1003" },
            { "address is a string", """{"Name":"A","Address":"Hamburg"}""", "none" },
            { "city is a number", """{"Name":"A","Address":{"City":5}}""", "none" },
            { "contacts is an object", """{"Name":"A","Contacts":{"First":"x"}}""", "none" },
            { "contact part is an object", """{"Name":"A","Contacts":[{"First":{"a":1}}]}""", "CNX1005" },
            { "comment", """{"Name":"A" /* hi */}""", "CNX1006" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Map_HostileRecord_GivesOneClearErrorOrMapsSafely(string description, string json, string expectedCode)
    {
        var output = new ArrayBufferWriter<byte>();

        var result = Map.Map(Encoding.UTF8.GetBytes(json), output);

        if (expectedCode == "none")
        {
            Assert.True(result.Succeeded, $"{description}: {string.Join("; ", result.Errors)}");
            return;
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedCode, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.True(error.Message.Length < 400, $"{description}: the message quotes too much: {error.Message.Length} chars");
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Map_InvalidUtf8_IsAnErrorNamingTheByte()
    {
        byte[] record = [.. "{\"Name\":\"A"u8, 0xC3, 0x28, .. "\"}"u8];

        var error = Assert.Single(Map.Map(record, new ArrayBufferWriter<byte>()).Errors);

        Assert.Equal(MappingErrorCodes.MalformedRecord, error.Code);
        Assert.Contains("not valid UTF-8 (byte 10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_InvalidUtf8InAnUnreadField_IsStillAnError()
    {
        byte[] record = [.. "{\"Name\":\"A\",\"Noise\":\"x"u8, 0xFF, .. "\"}"u8];

        var error = Assert.Single(Map.Map(record, new ArrayBufferWriter<byte>()).Errors);

        Assert.Equal(MappingErrorCodes.MalformedRecord, error.Code);
    }

    [Fact]
    public void Map_InvalidUtf8CapturedRaw_IsAnError()
    {
        var map = new MapBuilder("raw").WithOptions(MapOptions.Default with { CaptureUnmappedInto = "extra" }).Field("name", r => r.Copy("Name")).Build();
        byte[] record = [.. "{\"Name\":\"A\",\"Noise\":[\"x"u8, 0xC3, .. "\"]}"u8];

        Assert.Contains("not valid UTF-8", Assert.Single(map.Map(record, new ArrayBufferWriter<byte>()).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_FiftyMegabyteString_MapsWithoutQuotingItInErrors()
    {
        var big = new string('x', 50 * 1024 * 1024);
        var json = Encoding.UTF8.GetBytes($$"""{"Name":"A","Limit":"{{big}}"}""");

        var error = Assert.Single(Map.Map(json, new ArrayBufferWriter<byte>()).Errors);

        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.True(error.Message.Length < 300);
    }

    [Fact]
    public void Map_Batch_BadRecordsDoNotStopTheGoodOnes()
    {
        string[] batch =
        [
            """{"Name":"A","Limit":"10.5"}""",
            """{"Name":"B","Limit":"ten"}""",
            """{"Name":""",
            """{"Limit":"1"}""",
            """{"Name":"E","Active":"yes"}""",
        ];
        var outputs = new List<string>();
        var failures = new List<(int Record, MapError Error)>();

        for (var i = 0; i < batch.Length; i++)
        {
            var output = new ArrayBufferWriter<byte>();
            var result = Map.Map(Encoding.UTF8.GetBytes(batch[i]), output);
            if (result.Succeeded)
            {
                outputs.Add(Encoding.UTF8.GetString(output.WrittenSpan));
            }
            else
            {
                failures.AddRange(result.Errors.Select(e => (i, e)));
            }
        }

        Assert.Equal(["""{"name":"A","limit":10.5}""", """{"name":"E","active":true}"""], outputs);
        Assert.Equal([(1, "CNX1003", "limit"), (2, "CNX1006", ""), (3, "CNX1001", "name")], failures.Select(static f => (f.Record, f.Error.Code, f.Error.TargetField)));
    }

    [Fact]
    public void Map_RecordWithSeveralBadFields_ReportsEveryError()
    {
        var errors = Map.Map("""{"Limit":"x","Since":"never","Active":"perhaps"}"""u8, new ArrayBufferWriter<byte>()).Errors;

        Assert.Equal(["name", "limit", "since", "active"], errors.Select(static e => e.TargetField));
    }
}
