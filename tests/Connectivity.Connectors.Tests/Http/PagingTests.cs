using System.Globalization;
using System.Text;
using System.Text.Json;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Connectors.Tests.Http;

public sealed class PagingTests
{
    private const int Total = 10_000;
    private const int Size = 250;

    private static string Records(int from) =>
        "[" + string.Join(',', Enumerable.Range(from, Math.Max(0, Math.Min(Size, Total - from))).Select(i => $"{{\"id\":{i},\"name\":\"r{i}\"}}")) + "]";

    private static int Int(HttpContext c, string name, int fallback = 0) =>
        int.TryParse(c.Request.Query[name], CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private static IResult Json(string json) => Results.Text(json, "application/json", Encoding.UTF8);

    private static Task<KestrelTestServer> StartAsync() => KestrelTestServer.StartAsync(app =>
    {
        app.MapGet("/odata", (HttpContext c) =>
        {
            var skip = Int(c, "$skip");
            var next = skip + Size < Total ? $",\"@odata.nextLink\":\"http://{c.Request.Host}/odata?$skip={skip + Size}\"" : string.Empty;
            return Json($"{{\"@odata.context\":\"x\",\"value\":{Records(skip)}{next}}}");
        });
        app.MapGet("/sf/{from:int?}", (int? from) =>
        {
            var start = from ?? 0;
            var more = start + Size < Total;
            return Json($"{{\"totalSize\":{Total},\"done\":{(more ? "false" : "true")},\"records\":{Records(start)}{(more ? $",\"nextRecordsUrl\":\"/sf/{start + Size}\"" : string.Empty)}}}");
        });
        app.MapGet("/hubspot", (HttpContext c) =>
        {
            var after = Int(c, "after");
            var paging = after + Size < Total ? $",\"paging\":{{\"next\":{{\"after\":\"{after + Size}\",\"link\":\"x\"}}}}" : string.Empty;
            return Json($"{{\"results\":{Records(after)}{paging}}}");
        });
        app.MapGet("/cursor", (HttpContext c) =>
        {
            // An opaque cursor: base64 of the offset.
            var cursor = c.Request.Query["cursor"].FirstOrDefault();
            var from = cursor is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture);
            var next = from + Size < Total ? Convert.ToBase64String(Encoding.UTF8.GetBytes((from + Size).ToString(CultureInfo.InvariantCulture))) : string.Empty;
            return Json($"{{\"data\":{Records(from)},\"meta\":{{\"next_cursor\":\"{next}\"}}}}");
        });
        app.MapGet("/offset", (HttpContext c) =>
        {
            Assert.Equal(Size, Int(c, "limit"));
            return Json($"{{\"items\":{Records(Int(c, "offset"))}}}");
        });
        app.MapGet("/pages", (HttpContext c) => Json(Records((Int(c, "page") - 1) * Int(c, "per_page"))));
        app.MapGet("/linked", (HttpContext c) =>
        {
            var page = Int(c, "page", 1);
            if (page * Size < Total)
            {
                c.Response.Headers["Link"] = $"<http://{c.Request.Host}/linked?page=1>; rel=\"first\", </linked?page={page + 1}>; rel=\"next\"";
            }

            return Json($"{{\"rows\":{Records((page - 1) * Size)}}}");
        });
    });

    public static TheoryData<string, string> Strategies => new()
    {
        { "odata", "odata" },
        { "salesforce", "sf" },
        { "hubspot", "hubspot" },
        { "cursor", "cursor" },
        { "offset", "offset" },
        { "page", "pages" },
        { "link", "linked" },
    };

    private static PagingStrategy Create(string name) => name switch
    {
        "odata" => PagingStrategy.ODataNextLink(),
        "salesforce" => PagingStrategy.SalesforceNextRecordsUrl(),
        "hubspot" => PagingStrategy.HubSpotAfter(),
        "cursor" => PagingStrategy.Cursor("meta.next_cursor", "cursor", "data"),
        "offset" => PagingStrategy.OffsetLimit("offset", "limit", Size, "items"),
        "page" => PagingStrategy.PageNumber("page", "per_page", Size, null),
        "link" => PagingStrategy.LinkHeader("rows"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task ReadPagesAsync_TenThousandRecords_EveryRecordOnceInOrder(string strategy, string path)
    {
        await using var server = await StartAsync();
        await using var provider = TestConnectors.Build(server.BaseAddress);

        var ids = new List<int>();
        var pages = 0;
        await foreach (var page in provider.Client().ReadPagesAsync(new Uri(path, UriKind.Relative), Create(strategy)))
        {
            pages++;
            Assert.False(page.HasMore);
            foreach (var record in page.Records)
            {
                using var document = JsonDocument.Parse(record);
                ids.Add(document.RootElement.GetProperty("id").GetInt32());
            }
        }

        Assert.Equal(Enumerable.Range(0, Total), ids);
        Assert.InRange(pages, Total / Size, (Total / Size) + 1);
    }

    [Fact]
    public async Task ReadPagesAsync_PageCapReached_StopsAndSaysMoreRemain()
    {
        await using var server = await StartAsync();
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var paging = PagingStrategy.ODataNextLink();
        paging.MaxPages = 3;

        var pages = new List<HttpPage>();
        await foreach (var page in provider.Client().ReadPagesAsync(new Uri("odata", UriKind.Relative), paging))
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal([false, false, true], pages.Select(p => p.HasMore));
        Assert.Equal(3, server.Count("/odata"));
    }

    [Fact]
    public async Task ReadPagesAsync_StopWhenSaysStop_Stops()
    {
        await using var server = await StartAsync();
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var paging = PagingStrategy.HubSpotAfter();
        paging.StopWhen = page => page.Number == 2;

        var count = 0;
        await foreach (var _ in provider.Client().ReadPagesAsync(new Uri("hubspot", UriKind.Relative), paging))
        {
            count++;
        }

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task ReadPagesAsync_PageRequestFails_ThrowsWithOutcome()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/odata", () => Results.StatusCode(403)));
        await using var provider = TestConnectors.Build(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<ConnectorCallException>(async () =>
        {
            await foreach (var _ in provider.Client().ReadPagesAsync(new Uri("odata", UriKind.Relative), PagingStrategy.ODataNextLink()))
            {
            }
        });

        Assert.Equal(HttpCallOutcome.PermanentFailure, exception.Outcome);
        Assert.Equal(HttpErrorCodes.PermanentFailure, exception.ErrorCode);
    }
}
