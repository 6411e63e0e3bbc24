using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.Connectors.Tests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Connectors.Tests.Entities;

/// <summary>What the fake target does to the next create (a POST, or a PUT by code that creates).</summary>
public enum CreateFault
{
    None,

    /// <summary>Resets the connection before storing anything.</summary>
    ResetBeforeStoring,

    /// <summary>Stores the record, then resets the connection: the client cannot know.</summary>
    ResetAfterStoring,

    /// <summary>Stores the record, then does not answer until the client gives up.</summary>
    TimeoutAfterStoring,
}

/// <summary>
/// A target system on a real Kestrel server: a store of customers keyed by id with a unique code, which counts creates, honours
/// <c>Idempotency-Key</c> on <c>POST /customers</c> (a repeated key replays the first answer), upserts by code on
/// <c>PUT /customers/by-code/{code}</c>, updates on <c>PUT /customers/{id}</c>, reads on <c>GET /customers/{id}</c> and looks up on <c>GET /customers?code=</c>.
/// </summary>
internal sealed class FakeCustomerSystem : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByKey = new(StringComparer.Ordinal);
    private readonly Queue<CreateFault> _faults = new();
    private int _nextId = 100;
    private int _creates;

    private FakeCustomerSystem()
    {
    }

    public KestrelTestServer Server { get; private set; } = null!;

    public int Creates => Volatile.Read(ref _creates);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _bodies.Count;
            }
        }
    }

    /// <summary>The requests the server saw, as <c>METHOD /path</c> without the query.</summary>
    public IReadOnlyList<string> Calls => [.. Server.Requests.Select(r => $"{r.Method} {r.PathAndQuery.Split('?')[0]}")];

    public static async Task<FakeCustomerSystem> StartAsync()
    {
        var system = new FakeCustomerSystem();
        system.Server = await KestrelTestServer.StartAsync(system.Map);
        return system;
    }

    /// <summary>Makes the next creates fail this way, one fault per create.</summary>
    public void FailNextCreates(params CreateFault[] faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    public string? IdOf(string code)
    {
        lock (_gate)
        {
            return _idsByCode.GetValueOrDefault(code);
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/customers", (string code) =>
        {
            lock (_gate)
            {
                return _idsByCode.TryGetValue(code, out var id) ? Results.Text($"[{Render(id)}]", "application/json") : Results.Text("[]", "application/json");
            }
        });

        app.MapGet("/customers/{id}", (string id) =>
        {
            lock (_gate)
            {
                if (!_bodies.TryGetValue(id, out var body))
                {
                    return Results.NotFound();
                }

                var record = JsonNode.Parse(body)!.AsObject();
                record["id"] = id;
                return Results.Text(record.ToJsonString(), "application/json");
            }
        });

        app.MapPost("/customers", async (HttpContext context) =>
        {
            var body = await ReadBodyAsync(context);
            var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
            string id;
            CreateFault fault;
            lock (_gate)
            {
                if (key is not null && _idsByKey.TryGetValue(key, out var replayed))
                {
                    return Results.Created($"/customers/{replayed}", JsonDocument.Parse(Render(replayed)).RootElement);
                }

                fault = _faults.Count > 0 ? _faults.Dequeue() : CreateFault.None;
                if (fault == CreateFault.ResetBeforeStoring)
                {
                    context.Abort();
                    return Results.Empty;
                }

                var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
                if (_idsByCode.ContainsKey(code))
                {
                    return Results.Conflict(new { error = "duplicate code" });
                }

                id = Store(code, body);
                if (key is not null)
                {
                    _idsByKey[key] = id;
                }
            }

            return await AnswerAsync(context, fault, Results.Created($"/customers/{id}", JsonDocument.Parse(Render(id)).RootElement));
        });

        app.MapPut("/customers/by-code/{code}", async (HttpContext context, string code) =>
        {
            var body = await ReadBodyAsync(context);
            string id;
            CreateFault fault = CreateFault.None;
            var created = false;
            lock (_gate)
            {
                if (_idsByCode.TryGetValue(code, out var existing))
                {
                    id = existing;
                    _bodies[id] = body;
                }
                else
                {
                    fault = _faults.Count > 0 ? _faults.Dequeue() : CreateFault.None;
                    if (fault == CreateFault.ResetBeforeStoring)
                    {
                        context.Abort();
                        return Results.Empty;
                    }

                    id = Store(code, body);
                    created = true;
                }
            }

            var element = JsonDocument.Parse(Render(id)).RootElement;
            return await AnswerAsync(context, fault, created ? Results.Created($"/customers/{id}", element) : Results.Ok(element));
        });

        app.MapPut("/customers/{id}", async (HttpContext context, string id) =>
        {
            var body = await ReadBodyAsync(context);
            lock (_gate)
            {
                if (!_bodies.ContainsKey(id))
                {
                    return Results.NotFound();
                }

                _bodies[id] = body;
                return Results.Ok(JsonDocument.Parse(Render(id)).RootElement);
            }
        });
    }

    private string Store(string code, string body)
    {
        var id = (_nextId++).ToString(CultureInfo.InvariantCulture);
        _bodies[id] = body;
        _idsByCode[code] = id;
        Interlocked.Increment(ref _creates);
        return id;
    }

    private string Render(string id)
    {
        using var document = JsonDocument.Parse(_bodies[id]);
        var code = document.RootElement.GetProperty("code").GetString();
        return JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = id, ["code"] = code });
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, CreateFault fault, IResult answer)
    {
        switch (fault)
        {
            case CreateFault.ResetAfterStoring:
                context.Abort();
                return Results.Empty;
            case CreateFault.TimeoutAfterStoring:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return Results.Empty;
            default:
                return answer;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }
}
