using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Simulators.Tests;

public sealed class SimulatedCrmTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private SimulatedCrm _crm = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _crm = new SimulatedCrm(new SimulatorOptions { TimeProvider = _time });
        await _crm.StartAsync();
        _client = new HttpClient { BaseAddress = _crm.ApiRoot };
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _crm.DisposeAsync();
    }

    [Fact]
    public async Task Post_ThenGetAndPatch_RoundTripsSalesforceShapedRecord()
    {
        using var created = await _client.PostJsonAsync("sobjects/Account", """{"Name":"Acme","Id":"ignored"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var id = (string)body["id"]!;
        Assert.Equal(18, id.Length);
        Assert.StartsWith("001", id, StringComparison.Ordinal);
        Assert.True((bool)body["success"]!);
        Assert.Empty(body["errors"]!.AsArray());

        _time.Advance(TimeSpan.FromSeconds(5));
        using var patched = await _client.PatchJsonAsync($"sobjects/Account/{id}", """{"Phone":"+41 44 000 00 00"}""");
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);

        var raw = await _client.GetStringAsync($"sobjects/Account/{id}");
        Assert.Contains("\"LastModifiedDate\":\"2026-11-25T10:00:05.000+0000\"", raw, StringComparison.Ordinal);
        var record = System.Text.Json.Nodes.JsonNode.Parse(raw)!;
        Assert.Equal("Account", (string)record["attributes"]!["type"]!);
        Assert.Equal($"/services/data/v60.0/sobjects/Account/{id}", (string)record["attributes"]!["url"]!);
        Assert.Equal(id, (string)record["Id"]!);
        Assert.Equal("Acme", (string)record["Name"]!);
        Assert.Equal("+41 44 000 00 00", (string)record["Phone"]!);
        Assert.Equal("2026-11-25T10:00:00.000+0000", (string)record["CreatedDate"]!);
        Assert.Equal("2026-11-25T10:00:05.000+0000", (string)record["LastModifiedDate"]!);
        Assert.Equal("2026-11-25T10:00:05.000+0000", (string)record["SystemModstamp"]!);
    }

    [Fact]
    public async Task Post_EachObject_UsesItsKeyPrefix()
    {
        foreach (var (type, prefix) in new[] { ("Account", "001"), ("Opportunity", "006"), ("Change_Order__c", "a01"), ("Invoice__c", "a02") })
        {
            using var response = await _client.PostJsonAsync($"sobjects/{type}", "{}");
            Assert.StartsWith(prefix, (string)(await response.ReadJsonAsync())["id"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_UnknownId_Returns404WithSalesforceError()
    {
        using var response = await _client.GetAsync("sobjects/Account/001000000000000AAA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await response.ReadJsonAsync()).AsArray().Single()!;
        Assert.Equal("NOT_FOUND", (string)error["errorCode"]!);
        Assert.NotNull((string?)error["message"]);
    }

    [Fact]
    public async Task Query_250RecordsPageSize100_ReturnsEveryRecordOnceInOrder()
    {
        for (var i = 0; i < 250; i++)
        {
            _crm.CreateRecord("Account", Http.Fields($$"""{"Name":"A{{i}}"}"""));
        }

        var ids = new List<string>();
        var pages = 0;
        var url = "query?object=Account&limit=100";
        while (true)
        {
            var page = await _client.GetJsonAsync(url);
            pages++;
            Assert.Equal(250, (int)page["totalSize"]!);
            ids.AddRange(page["records"]!.AsArray().Select(r => (string)r!["Id"]!));
            if ((bool)page["done"]!)
            {
                Assert.Null(page["nextRecordsUrl"]);
                break;
            }

            var next = (string)page["nextRecordsUrl"]!;
            Assert.StartsWith("/services/data/v60.0/query/", next, StringComparison.Ordinal);
            url = new Uri(_crm.BaseAddress, next).ToString();
        }

        Assert.Equal(3, pages);
        Assert.Equal(250, ids.Distinct().Count());
        Assert.Equal(_crm.GetRecords("Account").Select(r => (string)r["Id"]!), ids);
    }

    [Fact]
    public async Task Query_ModifiedSince_ReturnsOnlyLaterChangesOldestFirst()
    {
        var first = _crm.CreateRecord("Account", Http.Fields("""{"Name":"first"}"""));
        var second = _crm.CreateRecord("Account", Http.Fields("""{"Name":"second"}"""));
        var third = _crm.CreateRecord("Account", Http.Fields("""{"Name":"third"}"""));
        _crm.UpdateRecord("Account", first, Http.Fields("""{"Name":"first, changed"}"""));
        var since = (string)_crm.GetRecord("Account", second)!["LastModifiedDate"]!;

        var page = await _client.GetJsonAsync($"query?object=Account&modifiedSince={Uri.EscapeDataString(since)}");

        Assert.True((bool)page["done"]!);
        Assert.Equal([third, first], page["records"]!.AsArray().Select(r => (string)r!["Id"]!));
        Assert.Equal("first, changed", (string)page["records"]![1]!["Name"]!);
    }

    [Fact]
    public async Task Query_UnencodedPlusInModifiedSince_IsReadAsOffset()
    {
        _crm.CreateRecord("Account", Http.Fields("{}"));

        var page = await _client.GetJsonAsync("query?object=Account&modifiedSince=2026-11-25T09:59:59.999+0000");

        Assert.Equal(1, (int)page["totalSize"]!);
    }

    [Fact]
    public async Task Patch_ExternalIdField_CreatesThenUpdatesOneRecord()
    {
        using var created = await _client.PatchJsonAsync("sobjects/Account/External_Id__c/ERP-42", """{"Name":"Acme"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdBody = await created.ReadJsonAsync();
        Assert.True((bool)createdBody["created"]!);
        Assert.True((bool)createdBody["success"]!);

        using var updated = await _client.PatchJsonAsync("sobjects/Account/External_Id__c/ERP-42", """{"Name":"Acme AG"}""");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var updatedBody = await updated.ReadJsonAsync();
        Assert.False((bool)updatedBody["created"]!);
        Assert.Equal((string)createdBody["id"]!, (string)updatedBody["id"]!);

        var record = Assert.Single(_crm.GetRecords("Account"));
        Assert.Equal("ERP-42", (string)record["External_Id__c"]!);
        Assert.Equal("Acme AG", (string)record["Name"]!);
        Assert.Empty(_crm.FindDuplicates("Account", "External_Id__c"));
    }

    [Fact]
    public async Task Query_UnknownObject_Returns400()
    {
        using var response = await _client.GetAsync("query?object=Contact");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
