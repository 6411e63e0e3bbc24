using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

/// <summary>
/// Entities bound and read directly through their metadata give what the JSON path gives (deserializing
/// <see cref="CompiledMap.Map"/>'s output, mapping the serialized entity), host converters included.
/// </summary>
public sealed class CompiledMapEntityTests
{
    private const string Record = """{"code":"ab-1","name":"Ünïcode \"q\"","amount":"1.50","count":7,"when":"2024-03-02","flag":true,"tags":["x","y"],"lines":[{"sku":"s-1","qty":2},{"sku":"s-2","qty":3}]}""";

    private static readonly CompiledMap Inbound = new MapBuilder("in")
        .Field("code", r => r.Copy("code"))
        .Field("name", r => r.Copy("name"))
        .Field("amount", r => r.Copy("amount").AsDecimal())
        .Field("count", r => r.Copy("count"))
        .Field("when", r => r.Copy("when").AsDateTime())
        .Field("flag", r => r.Copy("flag"))
        .Field("tags", r => r.Array(a => a.Copy("tags[0]"), a => a.Copy("tags[1]")))
        .Field("lines", r => r.Each("lines[*]", e => e.ObjectWith(o => o.Field("sku", f => f.Copy("sku")).Field("qty", f => f.Copy("qty")))))
        .Field("total.amount", r => r.Copy("amount").AsDecimal())
        .Build();

    private static readonly CompiledMap Outbound = new MapBuilder("out")
        .Field("code", r => r.Copy("code"))
        .Field("name", r => r.Copy("name"))
        .Field("amount", r => r.Copy("amount"))
        .Field("count", r => r.Copy("count"))
        .Field("when", r => r.Copy("when"))
        .Field("flag", r => r.Copy("flag"))
        .Field("firstTag", r => r.Copy("tags[0]"))
        .Field("skus", r => r.Each("lines[*]", e => e.Copy("sku")))
        .Field("total", r => r.Copy("total"))
        .Build();

    [Fact]
    public void MapToEntity_PlainMetadata_EqualsDeserializedMapOutput()
    {
        var typeInfo = TypeInfo<Order>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        var order = AssertSameAsJsonPath(Inbound, Record, typeInfo);

        Assert.Equal("1.50", order.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["x", "y"], order.Tags);
        Assert.Equal(3, order.Lines[1].Qty);
        Assert.Equal(1.50m, order.Total!.Amount);
    }

    [Fact]
    public void MapToEntity_ConverterOnAProperty_ReadsThroughTheConverter()
    {
        var typeInfo = TypeInfo<ConvertedOrder>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        var order = AssertSameAsJsonPath(Inbound, Record, typeInfo);

        Assert.Equal("<ab-1>", order.Code);
    }

    [Fact]
    public void MapToEntity_ConverterRegisteredOnTheOptions_ReadsThroughTheConverter()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new BracketConverter() } };
        var typeInfo = TypeInfo<Order>(options);

        var order = AssertSameAsJsonPath(Inbound, Record, typeInfo);

        Assert.Equal("<ab-1>", order.Code);
        Assert.Equal("<s-2>", order.Lines[1].Sku);
    }

    [Fact]
    public void MapToEntity_ConstructorWithParameters_EqualsDeserializedMapOutput()
    {
        var typeInfo = TypeInfo<PositionalOrder>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        var order = AssertSameAsJsonPath(Inbound, Record, typeInfo);

        Assert.Equal("ab-1", order.Code);
    }

    [Fact]
    public void MapToEntity_NullIntoNonNullableProperty_GivesTheJsonPathError()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase, RespectNullableAnnotations = true };
        var map = new MapBuilder("nulls").WithOptions(MapOptions.Default with { WriteNulls = true }).Field("code", r => r.Copy("none")).Field("name", r => r.Copy("missing")).Build();

        var result = map.MapToEntity("""{"none":null}"""u8, TypeInfo<Order>(options));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.EntityNotReadable, error.Code);
        Assert.Equal(ThroughJson(map, """{"none":null}""", TypeInfo<Order>(options)).Errors, result.Errors);
    }

    [Fact]
    public void MapToEntity_ValueTheTypeCannotHold_GivesTheJsonPathError()
    {
        var map = new MapBuilder("count").Field("count", r => r.Copy("count")).Build();
        var typeInfo = TypeInfo<Order>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        var result = map.MapToEntity("""{"count":1e400}"""u8, typeInfo);

        Assert.Equal(MappingErrorCodes.EntityNotReadable, Assert.Single(result.Errors).Code);
        Assert.Equal(ThroughJson(map, """{"count":1e400}""", typeInfo).Errors, result.Errors);
    }

    /// <summary>
    /// An entity's date-time is captured with its value (no parse back): every date step after it (ISO, date only, an
    /// output format, an input format that does not fit) must still give what mapping the serialized entity gives.
    /// </summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1_234_567, 330)]
    [InlineData(5_000_000, -600)]
    public void MapFromEntity_DateTimeThroughDateSteps_EqualsMapOfSerializedEntity(int ticks, int offsetMinutes)
    {
        var steps = new MapBuilder("dates")
            .Field("iso", r => r.Copy("when").AsDateTime())
            .Field("date", r => r.Copy("when").AsDate())
            .Field("compact", r => r.Copy("when").AsDateTime("yyyyMMdd HHmmss.fffffff zzz"))
            .Field("isoTwice", r => r.Copy("when").AsDateTime().AsDateTime())
            .Build();
        var inputFormat = new MapBuilder("input-format")
            .Field("custom", r => r.Copy("when").AsDateTime(null, "yyyy-MM-dd'T'HH:mm:ssK"))
            .Build();
        var typeInfo = TypeInfo<Order>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var order = new Order { When = new DateTimeOffset(2024, 3, 2, 23, 45, 12, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(ticks) };

        foreach (var map in new[] { steps, inputFormat })
        {
            var direct = new ArrayBufferWriter<byte>();
            var throughJson = new ArrayBufferWriter<byte>();

            var result = map.MapFromEntity(order, typeInfo, direct);
            var expected = map.Map(JsonSerializer.SerializeToUtf8Bytes(order, typeInfo), throughJson);

            Assert.Equal(expected.Errors, result.Errors);
            Assert.Equal(Encoding.UTF8.GetString(throughJson.WrittenSpan), Encoding.UTF8.GetString(direct.WrittenSpan));
        }

        // The fractions do not fit the input format: the error must be the JSON path's, not a value taken from memory.
        Assert.Equal(ticks == 0, inputFormat.MapFromEntity(order, typeInfo, new ArrayBufferWriter<byte>()).Succeeded);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MapFromEntity_Entity_EqualsMapOfSerializedEntity(bool withConverters)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        if (withConverters)
        {
            options.Converters.Add(new BracketConverter());
        }

        var order = Inbound.MapToEntity(Encoding.UTF8.GetBytes(Record), TypeInfo<Order>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase })).Value!;
        var typeInfo = TypeInfo<Order>(options);
        var direct = new ArrayBufferWriter<byte>();
        var throughJson = new ArrayBufferWriter<byte>();

        var result = Outbound.MapFromEntity(order, typeInfo, direct);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(Outbound.Map(JsonSerializer.SerializeToUtf8Bytes(order, typeInfo), throughJson).Succeeded);
        Assert.Equal(Encoding.UTF8.GetString(throughJson.WrittenSpan), Encoding.UTF8.GetString(direct.WrittenSpan));
        Assert.Equal(withConverters, Encoding.UTF8.GetString(direct.WrittenSpan).Contains("\"code\":\"<ab-1>\"", StringComparison.Ordinal));
    }

    [Fact]
    public void MapFromEntity_ConverterOnAProperty_WritesThroughTheConverter()
    {
        var typeInfo = TypeInfo<ConvertedOrder>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var order = new ConvertedOrder { Code = "ab-1", Name = "n" };
        var direct = new ArrayBufferWriter<byte>();

        Assert.True(Outbound.MapFromEntity(order, typeInfo, direct).Succeeded);

        Assert.Equal("""{"code":"<ab-1>","name":"n","amount":0,"count":0,"when":"0001-01-01T00:00:00+00:00","flag":false}""", Encoding.UTF8.GetString(direct.WrittenSpan));
    }

    [Theory]
    [InlineData("""{"when":"2024-03-02","tags":["x",{"y":null}],"count":7}""", false)]
    [InlineData("""{"when":null,"count":null}""", true)]
    [InlineData("""{"when":null,"count":null}""", false)]
    [InlineData("""{"count":"seven"}""", false)]
    [InlineData("""{}""", false)]
    public void MapToEntity_DottedPathsIntoDictionaries_EqualsDeserializedMapOutput(string record, bool writeNulls)
    {
        var map = new MapBuilder("extras").WithOptions(MapOptions.Default with { WriteNulls = writeNulls })
            .Field("extras.crm.since", r => r.Copy("when"))
            .Field("extras.crm.tags", r => r.Copy("tags"))
            .Field("extras.other.count", r => r.Copy("count"))
            .Field("counts.seen", r => r.Copy("count"))
            .Build();
        var typeInfo = TypeInfo<WithExtras>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        AssertSameResultAsJsonPath(map, record, typeInfo);
    }

    [Theory]
    [InlineData("""{"tags":{"a":1,"a":[2]}}""", true)]
    [InlineData("""{"tags":{"a":1,"a":[2]}}""", false)]
    [InlineData("""{"tags":[1,{"b":"\u00e9"}],"when":"x"}""", false)]
    public void MapToEntity_JsonElementEntryUnderDuplicateHandling_EqualsDeserializedMapOutput(string record, bool allowDuplicates)
    {
        var map = new MapBuilder("extras").Field("extras.crm.tags", r => r.Copy("tags")).Field("extras.crm.since", r => r.Copy("when")).Build();
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase, AllowDuplicateProperties = allowDuplicates };

        AssertSameResultAsJsonPath(map, record, TypeInfo<WithExtras>(options));
    }

    [Theory]
    [InlineData("\"Active\"")]
    [InlineData("\"OnHold\"")]
    [InlineData("\"onHold\"")]
    [InlineData("\"on-hold\"")]
    [InlineData("\"archived\"")]
    [InlineData("\"\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void MapToEntity_EnumMemberNames_EqualsDeserializedMapOutput(string stage)
    {
        var map = new MapBuilder("stage").Field("stage", r => r.Copy("stage")).Field("legacy", r => r.Copy("stage")).Build();
        var typeInfo = TypeInfo<Staged>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        AssertSameResultAsJsonPath(map, $$"""{"stage":{{stage}}}""", typeInfo);
    }

    [Theory]
    [InlineData(Stage.Active, Stage.Active)]
    [InlineData(Stage.OnHold, Stage.Renamed)]
    [InlineData((Stage)42, (Stage)3)]
    public void MapFromEntity_EnumMembers_EqualsMapOfSerializedEntity(Stage stage, Stage legacy)
    {
        var map = new MapBuilder("out").Field("stage", r => r.Copy("stage")).Field("legacy", r => r.Copy("legacy")).Field("upper", r => r.Copy("stage").ToUpper()).Build();
        var typeInfo = TypeInfo<Staged>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var direct = new ArrayBufferWriter<byte>();
        var throughJson = new ArrayBufferWriter<byte>();
        var entity = new Staged { Stage = stage, Legacy = legacy };

        var result = map.MapFromEntity(entity, typeInfo, direct);

        var expected = map.Map(JsonSerializer.SerializeToUtf8Bytes(entity, typeInfo), throughJson);
        Assert.Equal(expected.Errors, result.Errors);
        Assert.Equal(Encoding.UTF8.GetString(throughJson.WrittenSpan), Encoding.UTF8.GetString(direct.WrittenSpan));
    }

    private static void AssertSameResultAsJsonPath<T>(CompiledMap map, string record, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var bound = map.MapToEntity(Encoding.UTF8.GetBytes(record), typeInfo);
        var expected = ThroughJson(map, record, typeInfo);
        Assert.Equal(expected.Errors, bound.Errors);
        Assert.Equal(expected.Succeeded, bound.Succeeded);
        if (bound.Succeeded)
        {
            Assert.Equal(JsonSerializer.Serialize(expected.Value!, typeInfo), JsonSerializer.Serialize(bound.Value!, typeInfo));
        }
    }

    private static T AssertSameAsJsonPath<T>(CompiledMap map, string record, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var bound = map.MapToEntity(Encoding.UTF8.GetBytes(record), typeInfo);
        var expected = ThroughJson(map, record, typeInfo);
        Assert.True(bound.Succeeded, string.Join("; ", bound.Errors));
        Assert.Equal(JsonSerializer.Serialize(expected.Value!, typeInfo), JsonSerializer.Serialize(bound.Value!, typeInfo));
        return bound.Value!;
    }

    private static MapRecordResult<T> ThroughJson<T>(CompiledMap map, string record, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var output = new ArrayBufferWriter<byte>();
        var mapped = map.Map(Encoding.UTF8.GetBytes(record), output);
        if (!mapped.Succeeded)
        {
            return new MapRecordResult<T>(null, mapped.Errors);
        }

        try
        {
            return new MapRecordResult<T>(JsonSerializer.Deserialize(output.WrittenSpan, typeInfo), null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } p ? p[2..] : string.Empty;
            return new MapRecordResult<T>(null, [new MapError(MappingErrorCodes.EntityNotReadable, field, null, $"{field}: the mapped value does not fit {typeof(T).Name}: {ex.Message}")]);
        }
    }

    /// <summary>
    /// The metadata, locked as the serializer locks it on first use: the map plans direct binding and reading only for
    /// locked metadata, so an unlocked one would take the JSON path and make these comparisons compare it with itself.
    /// </summary>
    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        typeInfo.MakeReadOnly();
        return typeInfo;
    }

    public sealed class Order
    {
        public string Code { get; set; } = string.Empty;

        public string? Name { get; set; }

        public decimal Amount { get; set; }

        public long Count { get; set; }

        public DateTimeOffset When { get; set; }

        public bool Flag { get; set; }

        public List<string> Tags { get; set; } = [];

        public List<OrderLine> Lines { get; set; } = [];

        public Total? Total { get; set; }
    }

    public sealed class OrderLine
    {
        public string? Sku { get; set; }

        public int Qty { get; set; }
    }

    public sealed class Total
    {
        public decimal Amount { get; set; }
    }

    public sealed class ConvertedOrder
    {
        [JsonConverter(typeof(BracketConverter))]
        public string Code { get; set; } = string.Empty;

        public string? Name { get; set; }

        public decimal Amount { get; set; }

        public long Count { get; set; }

        public DateTimeOffset When { get; set; }

        public bool Flag { get; set; }
    }

    public sealed class WithExtras
    {
        public Dictionary<string, Dictionary<string, JsonElement>> Extras { get; set; } = [];

        public Dictionary<string, int> Counts { get; set; } = [];
    }

    [JsonConverter(typeof(JsonStringEnumConverter<Stage>))]
    public enum Stage
    {
        Active,
        OnHold,

        [JsonStringEnumMemberName("on-hold")]
        Renamed,

        Inactive,
    }

    public sealed class Staged
    {
        public Stage Stage { get; set; }

        public Stage Legacy { get; set; }
    }

    public sealed record PositionalOrder(string Code, decimal Amount, long Count);

    /// <summary>Reads and writes strings in angle brackets, to see that a host's converter is used.</summary>
    public sealed class BracketConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => $"<{reader.GetString()}>";

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue($"<{value}>");
    }
}
