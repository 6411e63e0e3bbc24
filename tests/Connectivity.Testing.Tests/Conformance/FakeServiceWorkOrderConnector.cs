using System.Text.Json.Nodes;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Delivery;
using Connectivity.Mapping;
using Connectivity.Testing.Canonical;
using Connectivity.Testing.Conformance;
using Connectivity.Testing.Fakes;

namespace Connectivity.Testing.Tests.Conformance;

/// <summary>
/// A "connector" for the service platform's work orders whose target is a <see cref="FakeSystem"/>: it holds what it is written,
/// and reports a work order's summary, description, stage, customer and technician. The conformance classes below derive from it.
/// </summary>
public abstract class FakeServiceWorkOrderConnector : TwoWayConformanceTests
{
    private static readonly CompiledMap Map = new MapBuilder("service-work-order")
        .Field("summary", r => r.Copy("summary"))
        .Field("description", r => r.Copy("description"))
        .Field("stage", r => r.Copy("stage"))
        .Field("customerId", r => r.Copy("customerId"))
        .Field("assignedTechnician", r => r.Copy("assignedTechnician"))
        .Build();

    /// <summary>Gets the service platform, the target of the writer.</summary>
    protected FakeSystem Target { get; } = new("service");

    protected override string System => "service";

    protected override string EntityType => "workOrder";

    protected override CompiledMap InboundMap => Map;

    protected override ConformanceReference? Parent => new("customerId", "customer");

    protected override IReadOnlyDictionary<string, Action<JsonObject>> Edits { get; } = new Dictionary<string, Action<JsonObject>>
    {
        ["summary"] = p => p["summary"] = $"{p["summary"]} (seen on site)",
        ["assignedTechnician"] = p => p["assignedTechnician"] = new JsonObject { ["familyName"] = $"{p["assignedTechnician"]?["familyName"]}Berg" },
    };

    // Upserts by the canonical id the writer is given, so an update is not a second record.
    protected override IDestinationWriter CreateWriter() => Target.Writer("service-work-orders", "workOrder", static o => o.UpsertKeyPath = "id");

    protected override ValueTask<IReadOnlyList<ConformanceRecord>> ReadTargetAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<ConformanceRecord>>([.. Target.Records("workOrder").Select(static r => new ConformanceRecord(r.RemoteId, r.CanonicalJson))]);

    protected override JsonObject CreateSample(int index)
        => JsonNode.Parse(CanonicalJson.Serialize(CanonicalFixtures.WorkOrder(configure: w => w.Summary = $"Chiller alarm {index}")))!.AsObject();
}
