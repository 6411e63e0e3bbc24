using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Connectivity.Testing.Simulators.Tests;

public sealed class SimulatedSystemTests
{
    private static readonly TimeSpan WebhookWait = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> Systems => new()
    {
        { "crm", "Account" },
        { "erp", "customers" },
        { "service", "core_company" },
    };

    [Theory]
    [MemberData(nameof(Systems))]
    public async Task CreateAndUpdateRecord_Subscriber_ReceivesSignedFatWebhooks(string kind, string table)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = Create(kind);
        await system.StartAsync();
        system.Subscribe(receiver.Address, WebhookReceiver.Secret);

        var id = system.CreateRecord(table, Http.Fields("""{"name":"Acme"}"""));
        system.UpdateRecord(table, id, Http.Fields("""{"name":"Acme AG"}"""));

        Assert.True(await system.WaitForWebhooksAsync(WebhookWait));
        var received = receiver.Received.ToArray();
        Assert.Equal(2, received.Length);
        Assert.All(received, r => Assert.True(r.Verification.IsVerified, r.Verification.ToString()));
        Assert.All(received, r => Assert.Equal(r.EventId, r.Verification.WebhookId));
        Assert.All(received, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        Assert.Equal([$"{table}.created", $"{table}.updated"], received.Select(r => r.Type));
        Assert.NotEqual(received[0].EventId, received[1].EventId);
        Assert.NotNull((string?)received[1].Json["timestamp"]);
        Assert.True(JsonNode.DeepEquals(system.GetRecord(table, id), received[1].Data));
        Assert.Equal("Acme", (string)received[0].Data["name"]!);
        Assert.Equal(new WebhookCounters { Delivered = 2, Attempts = 2 }, system.WebhookCounters);
    }

    [Fact]
    public async Task ApiWrite_Subscriber_ReceivesWebhookWithRecordAsGetReturnsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var crm = new SimulatedCrm();
        await crm.StartAsync();
        crm.Subscribe(receiver.Address, WebhookReceiver.Secret);
        using var client = new HttpClient { BaseAddress = crm.ApiRoot };

        using var created = await client.PostJsonAsync("sobjects/Opportunity", """{"Name":"Deal"}""");
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        var get = await client.GetJsonAsync($"sobjects/Opportunity/{id}");

        Assert.True(await crm.WaitForWebhooksAsync(WebhookWait));
        var webhook = Assert.Single(receiver.Received);
        Assert.Equal("Opportunity.created", webhook.Type);
        Assert.True(JsonNode.DeepEquals(get, webhook.Data));
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers500Once_IsRetriedAndDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(1);
        await using var erp = new SimulatedErp();
        erp.Subscribe(receiver.Address, WebhookReceiver.Secret);

        erp.CreateRecord("projects", Http.Fields("{}"));

        Assert.True(await erp.WaitForWebhooksAsync(WebhookWait));
        Assert.Single(receiver.Received);
        Assert.Equal(2, receiver.Requests);
        Assert.Equal(new WebhookCounters { Delivered = 1, Attempts = 2 }, erp.WebhookCounters);
    }

    [Fact]
    public async Task Delivery_ReceiverKeepsFailing_CountsFailedAfterMaxAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(int.MaxValue);
        await using var service = new SimulatedServicePlatform(new SimulatorOptions { WebhookMaxAttempts = 3, WebhookInitialBackoff = TimeSpan.FromMilliseconds(10) });
        service.Subscribe(receiver.Address, WebhookReceiver.Secret);

        service.CreateRecord("wm_order", Http.Fields("{}"));

        Assert.True(await service.WaitForWebhooksAsync(WebhookWait));
        Assert.Equal(new WebhookCounters { Failed = 1, Attempts = 3 }, service.WebhookCounters);
    }

    [Fact]
    public async Task Delivery_NothingListening_RetriesConnectionErrorsThenFails()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var address = receiver.Address;
        await receiver.DisposeAsync();
        await using var crm = new SimulatedCrm(new SimulatorOptions { WebhookMaxAttempts = 2, WebhookInitialBackoff = TimeSpan.Zero });
        crm.Subscribe(address, WebhookReceiver.Secret);

        crm.CreateRecord("Account", Http.Fields("{}"));

        Assert.True(await crm.WaitForWebhooksAsync(WebhookWait));
        Assert.Equal(1, crm.WebhookCounters.Failed);
    }

    [Fact]
    public async Task Delivery_DuplicateRateOne_DeliversSameEventTwice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var crm = new SimulatedCrm();
        crm.Faults = new SimulatorFaults { WebhookDuplicateRate = 1 };
        crm.Subscribe(receiver.Address, WebhookReceiver.Secret);

        crm.CreateRecord("Account", Http.Fields("{}"));

        Assert.True(await crm.WaitForWebhooksAsync(WebhookWait));
        var received = receiver.Received.ToArray();
        Assert.Equal(2, received.Length);
        Assert.Equal(received[0].EventId, received[1].EventId);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Equal(1, crm.WebhookCounters.Duplicated);
        Assert.Equal(1, crm.FaultCounters.DuplicatedWebhooks);
    }

    [Fact]
    public async Task Delivery_ReorderRateOne_LaterEventOfSameRecordArrivesFirst()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var erp = new SimulatedErp();
        erp.Faults = new SimulatorFaults { WebhookReorderRate = 1, WebhookReorderHold = TimeSpan.FromSeconds(5) };
        erp.Subscribe(receiver.Address, WebhookReceiver.Secret);

        var id = erp.CreateRecord("customers", Http.Fields("""{"displayName":"v1"}"""));
        erp.UpdateRecord("customers", id, Http.Fields("""{"displayName":"v2"}"""));

        Assert.True(await erp.WaitForWebhooksAsync(WebhookWait));
        Assert.Equal(["customers.updated", "customers.created"], receiver.Received.Select(r => r.Type));
        Assert.Equal(1, erp.FaultCounters.ReorderedWebhooks);
        Assert.Equal(2, erp.WebhookCounters.Delivered);
    }

    [Fact]
    public async Task Delivery_ReorderWithoutLaterEvent_IsSentAfterTheHold()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var erp = new SimulatedErp();
        erp.Faults = new SimulatorFaults { WebhookReorderRate = 1, WebhookReorderHold = TimeSpan.FromMilliseconds(50) };
        erp.Subscribe(receiver.Address, WebhookReceiver.Secret);

        erp.CreateRecord("customers", Http.Fields("{}"));

        Assert.True(await erp.WaitForWebhooksAsync(WebhookWait));
        Assert.Single(receiver.Received);
        Assert.Equal(0, erp.FaultCounters.ReorderedWebhooks);
    }

    [Fact]
    public async Task Request_TooManyRequestsEverySecond_Answers429WithRetryAfterButNeverOnSimEndpoints()
    {
        await using var crm = new SimulatedCrm();
        await crm.StartAsync();
        crm.Faults = new SimulatorFaults { TooManyRequestsEvery = 2, RetryAfterSeconds = 0 };
        using var client = new HttpClient { BaseAddress = crm.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        RetryConditionHeaderValue? retryAfter = null;
        for (var i = 0; i < 4; i++)
        {
            using var state = await client.GetAsync("_sim/state");
            Assert.Equal(HttpStatusCode.OK, state.StatusCode);
            using var response = await client.GetAsync("services/data/v60.0/query?object=Account");
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(TimeSpan.Zero, retryAfter!.Delta);
        Assert.Equal(2, crm.FaultCounters.TooManyRequests);
    }

    [Fact]
    public async Task Request_ServiceUnavailableEveryThird_Answers503InVendorShape()
    {
        await using var erp = new SimulatedErp();
        await erp.StartAsync();
        erp.Faults = new SimulatorFaults { ServiceUnavailableEvery = 3 };
        using var client = new HttpClient { BaseAddress = erp.ApiRoot };

        var statuses = new List<HttpStatusCode>();
        string? code = null;
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync("customers");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                code = (string?)(await response.ReadJsonAsync())["error"]!["code"];
            }
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[2]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[5]);
        Assert.NotNull(code);
        Assert.Equal(2, erp.FaultCounters.ServiceUnavailable);
    }

    [Fact]
    public async Task Request_SlowEveryOne_AnswersAfterTheDelay()
    {
        await using var service = new SimulatedServicePlatform();
        await service.StartAsync();
        service.Faults.SlowEvery = 1;
        service.Faults.SlowDelay = TimeSpan.FromMilliseconds(300);
        using var client = new HttpClient { BaseAddress = service.ApiRoot };

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("core_company");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), watch.Elapsed.ToString());
        Assert.Equal(1, service.FaultCounters.Slowed);
    }

    [Fact]
    public async Task Request_BearerTokenConfigured_RejectsMissingTokenButNotSimEndpoints()
    {
        await using var crm = new SimulatedCrm(new SimulatorOptions { BearerToken = "s3cret" });
        await crm.StartAsync();
        using var client = new HttpClient { BaseAddress = crm.BaseAddress };

        using var anonymous = await client.GetAsync("services/data/v60.0/query?object=Account");
        using var state = await client.GetAsync("_sim/state");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var authorized = await client.GetAsync("services/data/v60.0/query?object=Account");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("INVALID_SESSION_ID", (string)(await anonymous.ReadJsonAsync())[0]!["errorCode"]!);
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    [Fact]
    public async Task SimState_Records_ListsEveryTableWithRecordsAndCounts()
    {
        await using var service = new SimulatedServicePlatform();
        await service.StartAsync();
        var company = service.CreateRecord("core_company", Http.Fields("""{"name":"Acme"}"""));
        using var client = new HttpClient { BaseAddress = service.BaseAddress };

        var state = await client.GetJsonAsync("_sim/state");

        Assert.Equal("service", (string)state["name"]!);
        Assert.Equal(service.Tables, state["tables"]!.AsObject().Select(t => t.Key));
        Assert.Equal(company, (string)state["tables"]!["core_company"]![0]!["sys_id"]!);
        Assert.Equal(1, (int)state["counts"]!["core_company"]!);
        Assert.Equal(0, (int)state["counts"]!["wm_order"]!);
        Assert.Equal(0, (int)state["webhooks"]!["pending"]!);
    }

    [Fact]
    public async Task FindDuplicates_TwoRecordsWithSameKey_ReturnsBothIds()
    {
        await using var erp = new SimulatedErp();
        var a = erp.CreateRecord("customers", Http.Fields("""{"externalNo":"X"}"""));
        var b = erp.CreateRecord("customers", Http.Fields("""{"externalNo":"X"}"""));
        erp.CreateRecord("customers", Http.Fields("""{"externalNo":"Y"}"""));
        erp.CreateRecord("customers", Http.Fields("{}"));

        var duplicates = erp.FindDuplicates("customers", "externalNo");

        Assert.Equal([a, b], Assert.Single(duplicates, d => d.Key == "X").Value);
        Assert.Single(duplicates);
    }

    [Fact]
    public async Task CreateRecord_UnknownTable_ThrowsArgumentException()
    {
        await using var crm = new SimulatedCrm();

        var exception = Assert.Throws<ArgumentException>(() => crm.CreateRecord("Contact", []));

        Assert.Equal("table", exception.ParamName);
    }

    [Fact]
    public async Task StartAsync_Twice_ThrowsInvalidOperationException()
    {
        await using var crm = new SimulatedCrm();
        await crm.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => crm.StartAsync());
    }

    [Fact]
    public async Task BaseAddress_NotStarted_ThrowsInvalidOperationException()
    {
        await using var crm = new SimulatedCrm();

        Assert.Throws<InvalidOperationException>(() => crm.BaseAddress);
    }

    [Fact]
    public async Task Subscribe_RelativeTarget_ThrowsArgumentException()
    {
        await using var crm = new SimulatedCrm();

        Assert.Throws<ArgumentException>(() => crm.Subscribe(new Uri("/hooks", UriKind.Relative), WebhookReceiver.Secret));
    }

    private static SimulatedSystem Create(string kind) => kind switch
    {
        "crm" => new SimulatedCrm(),
        "erp" => new SimulatedErp(),
        _ => new SimulatedServicePlatform(),
    };
}
