using System.Text.Json.Nodes;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Connectors.Entities;
using Connectivity.Delivery;
using Connectivity.Mapping;
using Connectivity.Samples.UserTests.Acme;
using Connectivity.Testing.Canonical;
using Connectivity.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Samples.UserTests;

/// <summary>The Acme connector through the two-way conformance kit, against the in-memory sandbox (a fresh one per check).</summary>
public sealed class AcmeWorkOrderConformanceTests : TwoWayConformanceTests, IDisposable
{
    private readonly ServiceProvider _acme = AcmeServices.Build(new AcmeSandbox());

    protected override string System => "service";

    protected override string EntityType => "workOrder";

    protected override CompiledMap InboundMap => AcmeMaps.WorkOrder;

    protected override ConformanceReference? Parent => new("customerId", "customer");

    protected override IReadOnlyDictionary<string, Action<JsonObject>> Edits { get; } = new Dictionary<string, Action<JsonObject>>
    {
        ["summary"] = p => p["title"] = $"{(string?)p["title"]} (on site)",
        ["assignedTechnician.familyName"] = p => p["technician"] = new JsonObject { ["name"] = "Nowak" },
    };

    protected override IDestinationWriter CreateWriter()
        => new EntityDestinationWriter<WorkOrder>("acme-work-orders", new AcmeWorkOrderWriter(_acme.AcmeClient()));

    protected override async ValueTask<IReadOnlyList<ConformanceRecord>> ReadTargetAsync(CancellationToken cancellationToken)
    {
        var records = new List<ConformanceRecord>();
        await foreach (var page in new AcmeWorkOrderReader(_acme.AcmeClient(), AcmeMaps.WorkOrder).ReadAllAsync(cancellationToken))
        {
            records.AddRange(page.Changes.Select(static c => new ConformanceRecord(c.RemoteId!, c.Record)));
        }

        return records;
    }

    protected override JsonObject CreateSample(int index)
        => JsonNode.Parse(CanonicalJson.Serialize(CanonicalFixtures.WorkOrder(configure: w => w.Summary = $"Chiller alarm {index}")))!.AsObject();

    public void Dispose() => _acme.Dispose();
}
