using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectivity.Samples.UserTests.Acme;

/// <summary>
/// An in-memory stand-in for Acme's sandbox API, as a message handler: <c>PUT work-orders/by-ref/{ref}</c> creates (201) or
/// updates (200) the work order with that reference and answers it with Acme's id; <c>GET work-orders</c> lists them, two a page;
/// <c>GET work-orders/{id}</c> reads one. It recorded the cassette, and the conformance tests run against it.
/// </summary>
public sealed class AcmeSandbox : HttpMessageHandler
{
    private const int PageSize = 2;
    private readonly List<JsonObject> _workOrders = [];

    public IReadOnlyList<JsonObject> WorkOrders => _workOrders;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath[AcmeServices.BaseAddress.AbsolutePath.Length..];
        lock (_workOrders)
        {
            if (request.Method == HttpMethod.Get && path == "work-orders")
            {
                var skip = int.TryParse(request.RequestUri.Query.Split("skip=").ElementAtOrDefault(1), CultureInfo.InvariantCulture, out var s) ? s : 0;
                var page = new JsonObject { ["items"] = new JsonArray([.. _workOrders.Skip(skip).Take(PageSize).Select(static w => w.DeepClone())]) };
                page["next"] = skip + PageSize < _workOrders.Count ? $"work-orders?skip={skip + PageSize}" : null;
                return Json(HttpStatusCode.OK, page);
            }

            if (request.Method == HttpMethod.Get && path.StartsWith("work-orders/", StringComparison.Ordinal))
            {
                var found = _workOrders.FirstOrDefault(w => (string?)w["id"] == path["work-orders/".Length..]);
                return found is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : Json(HttpStatusCode.OK, found);
            }
        }

        if (request.Method == HttpMethod.Put && path.StartsWith("work-orders/by-ref/", StringComparison.Ordinal))
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            var reference = Uri.UnescapeDataString(path["work-orders/by-ref/".Length..]);
            lock (_workOrders)
            {
                var existing = _workOrders.FirstOrDefault(w => (string?)w["ref"] == reference);
                var id = (string?)existing?["id"] ?? string.Create(CultureInfo.InvariantCulture, $"AC-{1001 + _workOrders.Count}");
                var stored = new JsonObject { ["id"] = id };
                foreach (var (name, value) in body)
                {
                    stored[name] = value?.DeepClone();
                }

                stored["ref"] = reference;
                if (existing is null)
                {
                    _workOrders.Add(stored);
                }
                else
                {
                    _workOrders[_workOrders.IndexOf(existing)] = stored;
                }

                return Json(existing is null ? HttpStatusCode.Created : HttpStatusCode.OK, stored);
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body)
        => new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
