using System.Text;
using System.Text.Json.Nodes;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Tests.Fakes;

/// <summary>The examples of docs/testing.md, "Fake systems", as they are written there.</summary>
public sealed class FakeSystemDocsExampleTests
{
    [Fact]
    public async Task Writer_DocsExample_DeliversEachCustomerOnce()
    {
        var crm = new FakeSystem("crm");
        crm.Faults.TransientFailureEvery = 3;       // write calls 3, 6, 9, … fail like a 503
        crm.Faults.RateLimitEvery = 5;              // calls 5, 10, … are a 429 with Retry-After
        var clock = (FakeTimeProvider)crm.TimeProvider;
        var store = new InMemoryOutboxStore(clock);
        var dispatcher = new OutboxDispatcher(store, [crm.Writer("crm-customers", "customer")],
            Options.Create(new OutboxDispatcherOptions()), clock);

        for (var i = 1; i <= 20; i++)
        {
            var payload = Encoding.UTF8.GetBytes($$"""{"externalId":"c-{{i}}","name":"Customer {{i}}"}""");
            await store.EnqueueAsync([new OutboxMessage(Guid.NewGuid(), "crm-customers", payload)]);
        }

        while ((await store.GetStatisticsAsync()).PendingCount > 0)
        {
            await dispatcher.RunOnceAsync();
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        crm.AssertRecordCount("customer", 20);
        crm.AssertNoDuplicates("customer", "externalId");
    }

    [Fact]
    public void TakeDeliveries_DocsExample_DeliversVersionOneThenVersionTwoTwice()
    {
        var crm = new FakeSystem("crm");

        crm.Faults.DuplicateDeliveryEvery = 2;      // every 2nd change is delivered twice, with the same delivery id
        crm.Faults.OutOfOrderEvery = 3;             // every 3rd change is delivered after the change that follows it
        var customer = crm.Create("customer", new JsonObject { ["name"] = "Nordwind" });
        crm.Edit("customer", customer.RemoteId, c => c["name"] = "Nordwind GmbH");
        IReadOnlyList<FakeDelivery> deliveries = crm.TakeDeliveries();   // version 1, then version 2 twice

        Assert.Equal([1L, 2, 2], deliveries.Select(d => d.Sequence));
        Assert.Equal("Nordwind GmbH", JsonNode.Parse(deliveries[2].CanonicalJson.Span)!["name"]!.GetValue<string>());
    }

    [Fact]
    public void ReadChangesSince_DocsExample_ReadsEveryRecordOnce()
    {
        var crm = new FakeSystem("crm");
        for (var i = 0; i < 120; i++)
        {
            crm.Create("customer", new JsonObject { ["name"] = $"C{i}" });
        }

        var read = new List<FakeRecord>();

        string? cursor = null;
        FakeChangePage page;
        do
        {
            page = crm.ReadChangesSince("customer", cursor, pageSize: 50);
            // process page.Records, then save page.Cursor as the checkpoint
            read.AddRange(page.Records);
            cursor = page.Cursor;
        }
        while (page.HasMore);

        Assert.Equal(120, read.Select(r => r.RemoteId).Distinct().Count());
        Assert.Equal(120, read.Count);
    }
}
