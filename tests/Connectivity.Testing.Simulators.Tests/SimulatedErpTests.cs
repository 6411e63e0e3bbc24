using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Simulators.Tests;

public sealed class SimulatedErpTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero));
    private SimulatedErp _erp = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _erp = new SimulatedErp(new SimulatorOptions { TimeProvider = _time });
        await _erp.StartAsync();
        _client = new HttpClient { BaseAddress = _erp.ApiRoot };
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _erp.DisposeAsync();
    }

    [Fact]
    public void ApiRoot_Started_IsCompanyPath()
    {
        Assert.Equal($"{_erp.BaseAddress}api/v2.0/companies({SimulatedErp.DefaultCompanyId})/", _erp.ApiRoot.ToString());
    }

    [Fact]
    public async Task Post_ThenGetAndPatch_RoundTripsRecordWithNewEtag()
    {
        using var created = await _client.PostJsonAsync("customers", """{"displayName":"Acme","number":"ignored"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.ReadJsonAsync();
        var id = (string)record["id"]!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("C00001", (string)record["number"]!);
        Assert.Equal("2026-11-25T10:00:00.123Z", (string)record["lastModifiedDateTime"]!);
        var etag = (string)record["@odata.etag"]!;
        Assert.Equal("W/\"JzE7Jw==\"", etag);
        Assert.Equal(etag, created.Headers.ETag!.ToString());

        var read = await _client.GetJsonAsync($"customers({id})");
        Assert.Equal("Acme", (string)read["displayName"]!);

        _time.Advance(TimeSpan.FromSeconds(1));
        using var patched = await _client.PatchJsonAsync($"customers({id})", """{"displayName":"Acme AG"}""", etag);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var updated = await patched.ReadJsonAsync();
        Assert.Equal("Acme AG", (string)updated["displayName"]!);
        Assert.Equal("C00001", (string)updated["number"]!);
        Assert.Equal("2026-11-25T10:00:01.123Z", (string)updated["lastModifiedDateTime"]!);
        Assert.NotEqual(etag, (string)updated["@odata.etag"]!);
    }

    [Fact]
    public async Task Patch_StaleEtag_Returns412EntityChanged()
    {
        var id = _erp.CreateRecord("customers", Http.Fields("""{"displayName":"Acme"}"""));
        var stale = (string)_erp.GetRecord("customers", id)!["@odata.etag"]!;
        _erp.UpdateRecord("customers", id, Http.Fields("""{"displayName":"changed by a person"}"""));

        using var response = await _client.PatchJsonAsync($"customers({id})", """{"displayName":"Acme AG"}""", stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("Request_EntityChanged", (string)(await response.ReadJsonAsync())["error"]!["code"]!);
        Assert.Equal("changed by a person", (string)_erp.GetRecord("customers", id)!["displayName"]!);
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Returns400()
    {
        var id = _erp.CreateRecord("customers", Http.Fields("{}"));

        using var response = await _client.PatchJsonAsync($"customers({id})", """{"displayName":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", (string)(await response.ReadJsonAsync())["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404NotFoundError()
    {
        using var response = await _client.GetAsync($"projects({Guid.NewGuid()})");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("BadRequest_NotFound", (string)(await response.ReadJsonAsync())["error"]!["code"]!);
    }

    [Fact]
    public async Task List_250RecordsTop100_FollowsNextLinksWithoutGapOrRepeat()
    {
        for (var i = 0; i < 250; i++)
        {
            _erp.CreateRecord("projects", Http.Fields($$"""{"description":"P{{i}}"}"""));
        }

        var ids = new List<string>();
        var url = "projects?$top=100";
        var pages = 0;
        while (true)
        {
            var page = await _client.GetJsonAsync(url);
            pages++;
            Assert.EndsWith($"/$metadata#companies({_erp.CompanyId})/projects", (string)page["@odata.context"]!, StringComparison.Ordinal);
            ids.AddRange(page["value"]!.AsArray().Select(r => (string)r!["id"]!));
            if (page["@odata.nextLink"] is not { } next)
            {
                break;
            }

            Assert.Contains("$skiptoken=", (string)next!, StringComparison.Ordinal);
            url = (string)next!;
        }

        Assert.Equal(3, pages);
        Assert.Equal(_erp.GetRecords("projects").Select(r => (string)r["id"]!), ids);
        Assert.Equal("PR00250", (string)_erp.GetRecords("projects")[^1]["number"]!);
    }

    [Fact]
    public async Task List_FilterLastModifiedGtWithPaging_ReturnsOnlyLaterChanges()
    {
        var first = _erp.CreateRecord("salesInvoices", Http.Fields("{}"));
        var second = _erp.CreateRecord("salesInvoices", Http.Fields("{}"));
        var third = _erp.CreateRecord("salesInvoices", Http.Fields("{}"));
        _erp.UpdateRecord("salesInvoices", first, Http.Fields("""{"status":"Paid"}"""));
        var since = (string)_erp.GetRecord("salesInvoices", second)!["lastModifiedDateTime"]!;

        var page = await _client.GetJsonAsync($"salesInvoices?$filter={Uri.EscapeDataString($"lastModifiedDateTime gt {since}")}&$top=1");
        var next = await _client.GetJsonAsync((string)page["@odata.nextLink"]!);

        Assert.Equal(third, (string)page["value"]![0]!["id"]!);
        Assert.Equal(first, (string)next["value"]![0]!["id"]!);
        Assert.Null(next["@odata.nextLink"]);
        Assert.Equal("SI00001", (string)next["value"]![0]!["number"]!);
    }

    [Fact]
    public async Task Patch_ExternalNo_CreatesThenUpdatesOneRecord()
    {
        using var created = await _client.PatchJsonAsync("customers(externalNo='CRM-0''1')", """{"displayName":"Acme"}""", "*");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.ReadJsonAsync();
        Assert.Equal("CRM-0'1", (string)record["externalNo"]!);

        using var updated = await _client.PatchJsonAsync("customers(externalNo='CRM-0''1')", """{"displayName":"Acme AG"}""", "*");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal((string)record["id"]!, (string)(await updated.ReadJsonAsync())["id"]!);

        var filtered = await _client.GetJsonAsync("customers?$filter=" + Uri.EscapeDataString("externalNo eq 'CRM-0''1'"));
        Assert.Equal("Acme AG", (string)Assert.Single(filtered["value"]!.AsArray())!["displayName"]!);
        Assert.Equal(1, _erp.CountRecords("customers"));
    }

    [Fact]
    public async Task List_UnsupportedFilter_Returns400()
    {
        using var response = await _client.GetAsync("customers?$filter=" + Uri.EscapeDataString("displayName eq 'x'"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
