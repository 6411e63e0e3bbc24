using System.Text.Json;
using System.Text.Json.Nodes;
using Connectivity.Canonical.Ownership;
using Connectivity.ChangeTracking;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Canonical.Tests.Ownership;

/// <summary>
/// A miniature sync flow for tests: three fake systems holding canonical-shaped records, the canonical store,
/// and the decider between them. Outbound writes go to every system whose base differs from the canonical record.
/// </summary>
internal sealed class SyncHub
{
    public static readonly string[] Systems = [CanonicalOwnershipPolicy.Crm, CanonicalOwnershipPolicy.Erp, CanonicalOwnershipPolicy.Service];

    private static readonly HashSet<string> Envelope = ["id", "externalReferences", "createdAt", "modifiedAt", "version"];

    private readonly Dictionary<string, string> _canonical = [];
    private readonly Dictionary<(string System, string Id), string> _systems = [];

    public SyncHub()
    {
        Decider = new ChangeDecider(CanonicalOwnershipPolicy.Default, Bases, Echoes, Conflicts, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public InMemoryBaseSnapshotStore Bases { get; } = new();

    public InMemoryConflictStore Conflicts { get; } = new();

    // Every edit advances the clock by a minute; an echo is expected within a few.
    public InMemoryEchoFingerprintStore Echoes => _echoes ??= new InMemoryEchoFingerprintStore(Time, new EchoGuardOptions { TimeToLive = TimeSpan.FromMinutes(5) });

    public ChangeDecider Decider { get; }

    /// <summary>Gets or sets whether a system reports every write back at once, as systems with webhooks do.</summary>
    public bool SystemsEchoWrites { get; set; } = true;

    public Dictionary<string, int> Writes { get; } = Systems.ToDictionary(static s => s, static _ => 0);

    private InMemoryEchoFingerprintStore? _echoes;

    public JsonObject Canonical(string id) => JsonNode.Parse(_canonical[id])!.AsObject();

    public JsonObject StateOf(string system, string id) => JsonNode.Parse(_systems[(system, id)])!.AsObject();

    /// <summary>A system creates or edits its copy of the record and reports it.</summary>
    public async Task<ChangeDecision> EditAsync(string system, string entityType, string id, Action<JsonObject> edit, bool flush = true)
    {
        var state = _systems.TryGetValue((system, id), out var json) ? JsonNode.Parse(json)!.AsObject() : new JsonObject { ["id"] = id };
        edit(state);
        Time.Advance(TimeSpan.FromMinutes(1));
        state["modifiedAt"] = Time.GetUtcNow().ToString("O");
        return await ReceiveAsync(system, entityType, id, state.ToJsonString(), flush);
    }

    public async Task<ChangeDecision> ReceiveAsync(string system, string entityType, string id, string json, bool flush = true)
    {
        _systems[(system, id)] = json;
        // The decision's values point into these documents, so they are not disposed while the test looks at it.
        var incoming = JsonElement.Parse(json);
        JsonElement? current = _canonical.TryGetValue(id, out var c) ? JsonElement.Parse(c) : null;
        var decision = await Decider.DecideAsync(system, entityType, id, incoming, current);
        if (decision.Accepted.Count > 0)
        {
            _canonical[id] = System.Text.Encoding.UTF8.GetString(decision.ApplyTo(current));
        }

        if (flush)
        {
            await FlushAsync(entityType, id);
        }

        return decision;
    }

    /// <summary>Writes the canonical record to every system whose base differs from it; the system takes it as is.</summary>
    public async Task FlushAsync(string entityType, string id)
    {
        var canonical = _canonical[id];
        foreach (var system in Systems)
        {
            var snapshot = await Bases.GetAsync(new RecordKey(system, entityType, id));
            if (snapshot is not null && SameData(System.Text.Encoding.UTF8.GetString(snapshot.Utf8Json.Span), canonical))
            {
                continue;
            }

            Writes[system]++;
            _systems[(system, id)] = canonical;
            using var written = JsonDocument.Parse(canonical);
            await Decider.RecordWriteAsync(system, entityType, id, written.RootElement);
            if (SystemsEchoWrites)
            {
                var echo = await ReceiveAsync(system, entityType, id, canonical, flush: false);
                Assert.NotEqual(ChangeOutcome.Changed, echo.Outcome);
            }
        }
    }

    /// <summary>A person settles a conflict: the chosen value goes into the canonical record and out to every system.</summary>
    public async Task ResolveAsync(FieldConflict conflict, string? chosenJson, string entityType, string id)
    {
        var canonical = Canonical(id);
        SetPath(canonical, conflict.FieldPath, chosenJson is null ? null : JsonNode.Parse(chosenJson));
        _canonical[id] = canonical.ToJsonString();
        Assert.True(await Conflicts.RemoveAsync(conflict.Key, conflict.FieldPath));
        await FlushAsync(entityType, id);
    }

    /// <summary>Every system holds the same business data as the canonical record.</summary>
    public void AssertConverged(string id)
    {
        foreach (var system in Systems)
        {
            Assert.True(SameData(_systems[(system, id)], _canonical[id]), $"{system} holds {_systems[(system, id)]}, canonical is {_canonical[id]}");
        }
    }

    public static void SetPath(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = (node[part] ??= new JsonObject()).AsObject();
        }

        node[parts[^1]] = value;
    }

    private static bool SameData(string a, string b)
    {
        static JsonObject Strip(string json)
        {
            var node = JsonNode.Parse(json)!.AsObject();
            foreach (var name in Envelope)
            {
                node.Remove(name);
            }

            return node;
        }

        return JsonNode.DeepEquals(Strip(a), Strip(b));
    }
}
