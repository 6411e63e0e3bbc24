using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connectivity.Testing.Fixtures;
using Connectivity.Testing.Simulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connectivity.Testing.Tests.Fixtures;

/// <summary>
/// The check that keeps fixtures and simulators from drifting apart: each record payload is written to its simulator
/// (real Kestrel) without its system fields, read back, and must have the same field names — so the same system
/// fields — and the same values; pages, display values and webhooks are compared by shape.
/// </summary>
public sealed class VendorPayloadsSimulatorTests
{
    public static TheoryData<string, string> Records => new()
    {
        { "crm/account", "Account" },
        { "crm/opportunity", "Opportunity" },
        { "crm/invoice", "Invoice__c" },
        { "erp/customer", "customers" },
        { "erp/project", "projects" },
        { "erp/sales-invoice", "salesInvoices" },
        { "service/work-order", "wm_order" },
        { "service/asset", "alm_asset" },
        { "service/entitlement", "service_entitlement" },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public async Task RecordPayload_WrittenToItsSimulator_ReadsBackWithTheSameSystemFieldsAndValues(string name, string table)
    {
        await using var simulator = Create(name);
        await simulator.StartAsync();
        using var client = new HttpClient { BaseAddress = simulator.ApiRoot };
        var fixture = VendorPayloads.GetJson(name);
        var systemFields = await SystemFieldsOfAsync(name, table);

        var id = await PostAsync(client, simulator, table, Without(fixture, systemFields));
        var record = await GetAsync(client, simulator, table, id);

        Assert.Equal(Sorted(systemFields), Sorted(fixture.Select(static p => p.Key).Where(systemFields.Contains)));
        Assert.Equal(Sorted(fixture.Select(static p => p.Key)), Sorted(record.Select(static p => p.Key)));
        foreach (var (field, value) in fixture.Where(p => !systemFields.Contains(p.Key)))
        {
            Assert.True(JsonNode.DeepEquals(value, record[field]), $"{name}.{field}: the fixture has {value?.ToJsonString()}, the simulator {record[field]?.ToJsonString()}");
        }

        foreach (var field in systemFields)
        {
            Assert.Equal(record[field]!.GetValueKind(), fixture[field]!.GetValueKind());
        }
    }

    [Fact]
    public async Task CrmQueryPage_ComparedWithTheSimulatorsPage_HasTheSameShape()
    {
        await using var crm = new SimulatedCrm();
        await crm.StartAsync();
        using var client = new HttpClient { BaseAddress = crm.ApiRoot };
        for (var i = 0; i < 3; i++)
        {
            crm.CreateRecord("Account", Without(VendorPayloads.Crm.Account(), await SystemFieldsOfAsync("crm", "Account")));
        }

        var page = (await client.GetFromJsonAsync<JsonObject>("query?object=Account&limit=2"))!;
        var fixture = VendorPayloads.Crm.QueryPage();

        AssertPageShape(fixture, page, "records");
    }

    [Fact]
    public async Task ErpCustomersPage_ComparedWithTheSimulatorsPage_HasTheSameShape()
    {
        await using var erp = new SimulatedErp();
        await erp.StartAsync();
        using var client = new HttpClient { BaseAddress = erp.ApiRoot };
        for (var i = 0; i < 3; i++)
        {
            erp.CreateRecord("customers", Without(VendorPayloads.Erp.Customer(), await SystemFieldsOfAsync("erp", "customers")));
        }

        var page = (await client.GetFromJsonAsync<JsonObject>("customers?$filter=lastModifiedDateTime gt 2000-01-01T00:00:00.000Z&$top=2"))!;
        var fixture = VendorPayloads.Erp.CustomersPage();

        AssertPageShape(fixture, page, "value");
        Assert.Contains("$skiptoken=", (string)page["@odata.nextLink"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceWorkOrderDisplayValues_ComparedWithTheSimulatorsAllDisplayValues_HasTheSameShape()
    {
        await using var service = new SimulatedServicePlatform();
        await service.StartAsync();
        using var client = new HttpClient { BaseAddress = service.ApiRoot };
        var company = service.CreateRecord("core_company", new JsonObject { ["name"] = "Nordwind Facility Services" });
        var asset = service.CreateRecord("alm_asset", Without(VendorPayloads.Service.Asset(), await SystemFieldsOfAsync("service", "alm_asset")));
        var workOrder = Without(VendorPayloads.Service.WorkOrder(), await SystemFieldsOfAsync("service", "wm_order"));
        workOrder["company"] = company;
        workOrder["asset"] = asset;
        var id = service.CreateRecord("wm_order", workOrder);

        var record = (await client.GetFromJsonAsync<JsonObject>($"wm_order/{id}?sysparm_display_value=all"))!["result"]!.AsObject();
        var fixture = VendorPayloads.Service.WorkOrderDisplayValues();

        Assert.Equal(Sorted(fixture.Select(static p => p.Key)), Sorted(record.Select(static p => p.Key)));
        foreach (var (field, pair) in fixture)
        {
            Assert.Equal(Sorted(pair!.AsObject().Select(static p => p.Key)), Sorted(record[field]!.AsObject().Select(static p => p.Key)));
        }

        Assert.Equal((string?)fixture["company"]!["display_value"], (string?)record["company"]!["display_value"]);
        Assert.Equal((string?)fixture["asset"]!["display_value"], (string?)record["asset"]!["display_value"]);
    }

    [Theory]
    [InlineData("crm/webhook", "Account")]
    [InlineData("erp/webhook", "customers")]
    [InlineData("service/webhook", "wm_order")]
    public async Task WebhookPayload_ComparedWithTheWebhookItsSimulatorSends_HasTheSameShape(string name, string table)
    {
        var received = new ConcurrentQueue<JsonObject>();
        await using var receiver = await StartReceiverAsync(received);
        await using var simulator = Create(name);
        await simulator.StartAsync();
        simulator.Subscribe(new Uri(receiver.Urls.First()), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var fixture = VendorPayloads.GetJson(name);
        var recordFixture = fixture["data"]!.AsObject();
        var id = simulator.CreateRecord(table, Without(recordFixture, await SystemFieldsOfAsync(name, table)));
        simulator.UpdateRecord(table, id, new JsonObject());

        Assert.True(await simulator.WaitForWebhooksAsync(TimeSpan.FromSeconds(10)));
        var sent = Assert.Single(received, static e => ((string)e["type"]!).EndsWith(".updated", StringComparison.Ordinal));

        Assert.Equal(fixture.Select(static p => p.Key), sent.Select(static p => p.Key));
        Assert.Equal((string)fixture["type"]!, (string)sent["type"]!);
        Assert.Equal(((string)fixture["id"]!).Length, ((string)sent["id"]!).Length);
        Assert.Equal(((string)fixture["timestamp"]!).Length, ((string)sent["timestamp"]!).Length);
        Assert.Equal(Sorted(recordFixture.Select(static p => p.Key)), Sorted(sent["data"]!.AsObject().Select(static p => p.Key)));
    }

    private static SimulatedSystem Create(string name) => name.Split('/')[0] switch
    {
        "crm" => new SimulatedCrm(),
        "erp" => new SimulatedErp(),
        _ => new SimulatedServicePlatform(),
    };

    /// <summary>The fields a simulator writes itself: those of a record created empty (in a scratch simulator, so the system under test holds only what the test writes).</summary>
    private static async Task<HashSet<string>> SystemFieldsOfAsync(string name, string table)
    {
        await using var simulator = Create(name);
        var id = simulator.CreateRecord(table, new JsonObject());
        return [.. simulator.GetRecord(table, id)!.Select(static p => p.Key)];
    }

    private static JsonObject Without(JsonObject record, HashSet<string> fields)
    {
        var result = new JsonObject();
        foreach (var (field, value) in record)
        {
            if (!fields.Contains(field))
            {
                result[field] = value?.DeepClone();
            }
        }

        return result;
    }

    private static async Task<string> PostAsync(HttpClient client, SimulatedSystem simulator, string table, JsonObject fields)
    {
        using var response = await client.PostAsJsonAsync(simulator is SimulatedCrm ? $"sobjects/{table}" : table, fields);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return simulator switch
        {
            SimulatedCrm => (string)body["id"]!,
            SimulatedErp => (string)body["id"]!,
            _ => (string)body["result"]!["sys_id"]!,
        };
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, SimulatedSystem simulator, string table, string id) => simulator switch
    {
        SimulatedCrm => (await client.GetFromJsonAsync<JsonObject>($"sobjects/{table}/{id}"))!,
        SimulatedErp => (await client.GetFromJsonAsync<JsonObject>($"{table}({id})"))!,
        _ => (await client.GetFromJsonAsync<JsonObject>($"{table}/{id}"))!["result"]!.AsObject(),
    };

    private static void AssertPageShape(JsonObject fixture, JsonObject page, string recordsField)
    {
        Assert.Equal(fixture.Select(static p => p.Key), page.Select(static p => p.Key));
        foreach (var (field, value) in fixture)
        {
            Assert.Equal(value!.GetValueKind(), page[field]!.GetValueKind());
        }

        var expected = Sorted(fixture[recordsField]![0]!.AsObject().Select(static p => p.Key));
        Assert.All(page[recordsField]!.AsArray(), r => Assert.Equal(expected, Sorted(r!.AsObject().Select(static p => p.Key))));
    }

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<JsonObject> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/", async (HttpRequest request) =>
        {
            received.Enqueue((await request.ReadFromJsonAsync<JsonObject>())!);
            return Results.NoContent();
        });
        await app.StartAsync();
        return app;
    }
}
