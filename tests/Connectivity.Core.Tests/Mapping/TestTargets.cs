using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Core.Tests.Mapping;

public sealed class TestCustomer
{
    public string Name { get; set; } = string.Empty;

    public decimal? CreditLimit { get; set; }

    public TestStage Stage { get; set; }

    public DateOnly? Since { get; set; }

    public List<string> Tags { get; set; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<TestStage>))]
public enum TestStage
{
    Active,
    OnHold,
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TestCustomer))]
internal sealed partial class TestTargets : JsonSerializerContext;
