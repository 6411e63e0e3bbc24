using System.Buffers;
using System.Text;
using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

/// <summary>Runs a compiled map over JSON text in tests.</summary>
internal static class MapRunner
{
    public static string Run(this CompiledMap map, string json)
    {
        var output = new ArrayBufferWriter<byte>();
        var result = map.Map(Encoding.UTF8.GetBytes(json), output);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public static IReadOnlyList<MapError> Fail(this CompiledMap map, string json)
    {
        var output = new ArrayBufferWriter<byte>();
        var result = map.Map(Encoding.UTF8.GetBytes(json), output);
        Assert.False(result.Succeeded, "expected the record to fail");
        Assert.Equal(0, output.WrittenCount);
        return result.Errors;
    }

    public static string Field(string rulePath, Func<RuleBuilder, RuleBuilder> rule, string json, MapOptions? options = null)
        => new MapBuilder("test").WithOptions(options ?? MapOptions.Default).Field(rulePath, rule).Build().Run(json);

    public static IReadOnlyList<MapError> FieldFails(string rulePath, Func<RuleBuilder, RuleBuilder> rule, string json)
        => new MapBuilder("test").Field(rulePath, rule).Build().Fail(json);
}
