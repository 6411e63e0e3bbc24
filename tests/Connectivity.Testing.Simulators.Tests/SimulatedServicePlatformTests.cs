using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Simulators.Tests;

public sealed partial class SimulatedServicePlatformTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private SimulatedServicePlatform _service = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = new SimulatedServicePlatform(new SimulatorOptions { TimeProvider = _time });
        await _service.StartAsync();
        _client = new HttpClient { BaseAddress = _service.ApiRoot };
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Post_ThenGetPatchAndPut_StoresStringValues()
    {
        using var created = await _client.PostJsonAsync("pm_project", """{"short_description":"Roll-out","u_budget":12.5,"active":true,"u_connectivity_id":{"value":"CRM-1"}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = (await created.ReadJsonAsync())["result"]!;
        var sysId = (string)record["sys_id"]!;
        Assert.Matches("^[0-9a-f]{32}$", sysId);
        Assert.Equal("PRJ0010001", (string)record["number"]!);
        Assert.Equal("12.5", (string)record["u_budget"]!);
        Assert.Equal("true", (string)record["active"]!);
        Assert.Equal("CRM-1", (string)record["u_connectivity_id"]!);
        Assert.Equal("2026-11-25 10:00:00", (string)record["sys_updated_on"]!);
        Assert.Equal("0", (string)record["sys_mod_count"]!);

        _time.Advance(TimeSpan.FromSeconds(2));
        using var patched = await _client.PatchJsonAsync($"pm_project/{sysId}", """{"short_description":"Roll-out 2"}""");
        Assert.Equal("1", (string)(await patched.ReadJsonAsync())["result"]!["sys_mod_count"]!);
        using var put = await _client.PutAsync($"pm_project/{sysId}", Http.Json("""{"u_budget":null}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var read = (await _client.GetJsonAsync($"pm_project/{sysId}"))["result"]!;
        Assert.Equal("Roll-out 2", (string)read["short_description"]!);
        Assert.Equal(string.Empty, (string)read["u_budget"]!);
        Assert.Equal("2", (string)read["sys_mod_count"]!);
        Assert.Equal("2026-11-25 10:00:02", (string)read["sys_updated_on"]!);
        Assert.Equal("2026-11-25 10:00:00", (string)read["sys_created_on"]!);
    }

    [Fact]
    public async Task Get_UnknownSysId_Returns404NoRecordFound()
    {
        using var response = await _client.GetAsync($"wm_order/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("No Record found", (string)body["error"]!["message"]!);
        Assert.Equal("failure", (string)body["status"]!);
    }

    [Fact]
    public async Task Get_DisplayValueAll_WrapsEveryFieldAndResolvesReferences()
    {
        var company = _service.CreateRecord("core_company", Http.Fields("""{"name":"Acme"}"""));
        var asset = _service.CreateRecord("alm_asset", Http.Fields($$"""{"company":"{{company}}","serial_number":"SN-1"}"""));
        var order = _service.CreateRecord("wm_order", Http.Fields($$"""{"company":"{{company}}","asset":"{{asset}}","u_hours":4}"""));

        var all = (await _client.GetJsonAsync($"wm_order/{order}?sysparm_display_value=all"))["result"]!;
        var plain = (await _client.GetJsonAsync($"wm_order/{order}"))["result"]!;
        var display = (await _client.GetJsonAsync($"wm_order/{order}?sysparm_display_value=true"))["result"]!;

        Assert.Equal("Acme", (string)all["company"]!["display_value"]!);
        Assert.Equal(company, (string)all["company"]!["value"]!);
        Assert.Equal(new Uri(_service.ApiRoot, $"core_company/{company}").ToString(), (string)all["company"]!["link"]!);
        Assert.Equal("AST0010001", (string)all["asset"]!["display_value"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"display_value":"4","value":"4"}"""), all["u_hours"]));
        Assert.Equal("WO0010001", (string)all["number"]!["value"]!);
        Assert.Equal(company, (string)plain["company"]!);
        Assert.Equal("Acme", (string)display["company"]!);
    }

    [Fact]
    public async Task List_250RecordsLimit100_FollowsLinkHeaderWithoutGapOrRepeat()
    {
        for (var i = 0; i < 250; i++)
        {
            _service.CreateRecord("alm_asset", Http.Fields($$"""{"serial_number":"S{{i}}"}"""));
        }

        var ids = new List<string>();
        string? url = "alm_asset?sysparm_query=ORDERBYsys_updated_on&sysparm_limit=100";
        while (url is not null)
        {
            using var response = await _client.GetAsync(url);
            Assert.Equal("250", response.Headers.GetValues("X-Total-Count").Single());
            ids.AddRange((await response.ReadJsonAsync())["result"]!.AsArray().Select(r => (string)r!["sys_id"]!));
            url = NextLink(response);
        }

        Assert.Equal(_service.GetRecords("alm_asset").Select(r => (string)r["sys_id"]!), ids);
        Assert.Equal(250, ids.Distinct().Count());
    }

    [Fact]
    public async Task List_GreaterThanSameSecond_ExcludesChangesInThatSecond()
    {
        _service.CreateRecord("core_company", Http.Fields("""{"name":"A"}"""));
        _service.CreateRecord("core_company", Http.Fields("""{"name":"B"}"""));

        var result = await ListAsync("core_company", "sys_updated_on>2026-11-25 10:00:00^ORDERBYsys_updated_on");

        Assert.Empty(result);
    }

    [Fact]
    public async Task List_ResumeWithGreaterOrEqualAndDedup_MissesNoSameSecondChange()
    {
        var seen = new HashSet<(string SysId, string ModCount)>();
        var first = _service.CreateRecord("core_company", Http.Fields("""{"name":"A"}"""));
        var firstRead = await ListAsync("core_company", "sys_updated_on>=2026-11-25 10:00:00^ORDERBYsys_updated_on");
        var lastSeen = (string)firstRead[^1]!["sys_updated_on"]!;
        foreach (var r in firstRead)
        {
            seen.Add(((string)r!["sys_id"]!, (string)r["sys_mod_count"]!));
        }

        // Same second: another record, and a change to the one already read.
        var second = _service.CreateRecord("core_company", Http.Fields("""{"name":"B"}"""));
        _service.UpdateRecord("core_company", first, Http.Fields("""{"name":"A2"}"""));
        var resumed = await ListAsync("core_company", $"sys_updated_on>={lastSeen}^ORDERBYsys_updated_on");
        var fresh = resumed.Where(r => seen.Add(((string)r!["sys_id"]!, (string)r["sys_mod_count"]!))).Select(r => (string)r!["sys_id"]!).ToList();

        Assert.Equal([second, first], fresh);
    }

    [Fact]
    public async Task List_ConnectivityIdQuery_FindsRecord()
    {
        _service.CreateRecord("service_entitlement", Http.Fields("""{"u_connectivity_id":"a"}"""));
        var wanted = _service.CreateRecord("service_entitlement", Http.Fields("""{"u_connectivity_id":"b"}"""));

        var result = await ListAsync("service_entitlement", "u_connectivity_id=b");

        Assert.Equal(wanted, (string)Assert.Single(result)!["sys_id"]!);
        Assert.Equal("ENT0010002", (string)result[0]!["number"]!);
    }

    private async Task<JsonArray> ListAsync(string table, string query) =>
        (await _client.GetJsonAsync($"{table}?sysparm_query={Uri.EscapeDataString(query)}"))["result"]!.AsArray();

    private static string? NextLink(HttpResponseMessage response)
    {
        var link = response.Headers.GetValues("Link").Single();
        var match = NextPattern().Match(link);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<([^>]+)>;rel=\"next\"")]
    private static partial Regex NextPattern();
}
