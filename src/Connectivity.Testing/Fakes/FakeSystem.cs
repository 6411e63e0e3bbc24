using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Fakes.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Fakes;

/// <summary>
/// An in-memory stand-in for a vendor system (a CRM, an ERP) in a test: records per entity type keyed by remote id,
/// writers the outbox delivers to (<see cref="Writer"/>), a change feed and a paged change read (<see cref="TakeDeliveries"/>,
/// <see cref="ReadChangesSince"/>), faults injected by counters (<see cref="Faults"/>), and assertions on what it holds.
/// Deterministic: remote ids count up (<c>crm-customer-0001</c>), the clock stands still until the test moves it.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Every change, whether a test made it (<see cref="Create(string, JsonObject, string?)"/>, <see cref="Edit"/>) or a writer
/// applied it, gets the next <see cref="FakeRecord.Sequence"/>, the clock's time as <see cref="FakeRecord.ModifiedAt"/>, and
/// a delivery in the change feed: like a real system, the fake echoes the integration's own writes.
/// </remarks>
public sealed partial class FakeSystem
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Destination, Guid MessageId), string> _idempotency = [];
    private readonly List<FakeWriteAttempt> _attempts = [];
    private long _sequence;
    private int _writeCalls;

    /// <summary>Initializes a new fake system.</summary>
    /// <param name="name">The system's name (<c>crm</c>): the prefix of its remote ids and the <see cref="FakeDelivery.System"/> of its deliveries.</param>
    /// <param name="timeProvider">The clock; by default a <see cref="FakeTimeProvider"/> of its own at 2026-01-05 09:00 UTC that moves only when advanced.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public FakeSystem(string name, TimeProvider? timeProvider = null)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        TimeProvider = timeProvider ?? new FakeTimeProvider(FakeConstants.Epoch);
    }

    /// <summary>Gets the system's name.</summary>
    public string Name { get; }

    /// <summary>Gets the system's clock: <see cref="FakeRecord.ModifiedAt"/> comes from it, and a timeout passes on it.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the faults the system injects; none until the test sets them.</summary>
    public FakeFaults Faults { get; } = new();

    /// <summary>Gets every write call of the system's writers that was answered (a call cancelled during a timeout is not), in order.</summary>
    public IReadOnlyList<FakeWriteAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Creates a record, as a user of the system would, and puts the change in the feed.</summary>
    /// <param name="entityType">The entity type (<c>customer</c>).</param>
    /// <param name="record">The record; the system keeps a copy.</param>
    /// <param name="remoteId">The remote id, or <see langword="null"/> for the next one (<c>crm-customer-0001</c>).</param>
    /// <returns>The record as created.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty or white space, or a record with <paramref name="remoteId"/> exists.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="record"/> is <see langword="null"/>.</exception>
    public FakeRecord Create(string entityType, JsonObject record, string? remoteId = null)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.Null(record);
        var copy = (JsonObject)record.DeepClone();
        lock (_gate)
        {
            var table = TableOf(entityType);
            if (remoteId is not null && table.Records.ContainsKey(remoteId))
            {
                throw new ArgumentException($"{Name} already has a {entityType} '{remoteId}'.", nameof(remoteId));
            }

            return Store(entityType, table, remoteId ?? NextId(entityType, table), copy);
        }
    }

    /// <summary>Creates a record from JSON text, as a user of the system would, and puts the change in the feed.</summary>
    /// <param name="entityType">The entity type (<c>customer</c>).</param>
    /// <param name="json">The record, a JSON object.</param>
    /// <returns>The record as created, with the next remote id (<c>crm-customer-0001</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="json"/> is empty or white space,
    /// or <paramref name="json"/> is not a JSON object.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="json"/> is <see langword="null"/>.</exception>
    public FakeRecord Create(string entityType, string json)
    {
        Guard.Against.NullOrWhiteSpace(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The record is not JSON: {exception.Message}", nameof(json), exception);
        }

        return Create(entityType, node as JsonObject ?? throw new ArgumentException("The record is not a JSON object.", nameof(json)));
    }

    /// <summary>Changes a record, as a user of the system would, and puts the change in the feed.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="remoteId">The record's remote id.</param>
    /// <param name="edit">Changes the record.</param>
    /// <returns>The record as changed.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="remoteId"/> is empty or white space, or there is no such record.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FakeRecord Edit(string entityType, string remoteId, Action<JsonObject> edit)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(remoteId);
        Guard.Against.Null(edit);
        lock (_gate)
        {
            if (!_tables.TryGetValue(entityType, out var table) || !table.Records.TryGetValue(remoteId, out var entry))
            {
                throw new ArgumentException($"{Name} has no {entityType} '{remoteId}'.", nameof(remoteId));
            }

            var data = (JsonObject)entry.Data.DeepClone();
            edit(data);
            return Store(entityType, table, remoteId, data);
        }
    }

    /// <summary>Gets a record.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="remoteId">The record's remote id.</param>
    /// <returns>The record, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="remoteId"/> is <see langword="null"/>.</exception>
    public FakeRecord? Find(string entityType, string remoteId)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(remoteId);
        lock (_gate)
        {
            return _tables.TryGetValue(entityType, out var table) && table.Records.TryGetValue(remoteId, out var entry) ? entry.Snapshot : null;
        }
    }

    /// <summary>Gets the records of an entity type, in the order they were created.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The records; empty when there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<FakeRecord> Records(string entityType)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        lock (_gate)
        {
            return _tables.TryGetValue(entityType, out var table) ? [.. table.Order.Select(id => table.Records[id].Snapshot)] : [];
        }
    }

    /// <summary>Creates a destination writer that writes records of <paramref name="entityType"/> into this system: give it to the
    /// <see cref="OutboxDispatcher"/> as the writer of <paramref name="destination"/>.</summary>
    /// <param name="destination">The destination name it serves.</param>
    /// <param name="entityType">The entity type it writes.</param>
    /// <param name="configure">Sets how the target behaves (idempotency, upsert key, payload type); see <see cref="FakeWriterOptions"/>.</param>
    /// <returns>The writer. Writers of the same destination share the idempotency keys they have seen.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> or <paramref name="entityType"/> is empty or white space, or
    /// <see cref="FakeWriterOptions.UpsertKeyPath"/> is not a path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> or <paramref name="entityType"/> is <see langword="null"/>.</exception>
    public FakeDestinationWriter Writer(string destination, string entityType, Action<FakeWriterOptions>? configure = null)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        Guard.Against.NullOrWhiteSpace(entityType);
        var options = new FakeWriterOptions();
        configure?.Invoke(options);
        if (options.UpsertKeyPath is not null)
        {
            Guard.Against.NullOrWhiteSpace(options.UpsertKeyPath, nameof(configure), "The upsert key path is empty.");
            JsonPath.Parse(options.UpsertKeyPath);
        }

        return new FakeDestinationWriter(this, destination, entityType, options);
    }

    internal int NextWriteCall() => Interlocked.Increment(ref _writeCalls);

    internal async ValueTask PassAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (TimeProvider is FakeTimeProvider fake)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fake.Advance(wait);
        }
        else
        {
            await Task.Delay(wait, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    internal DeliveryResult Record(FakeDestinationWriter writer, OutboxMessage message, int call, DateTimeOffset at, FakeFault fault, DeliveryResult result, bool applied = false, string? remoteId = null)
    {
        lock (_gate)
        {
            _attempts.Add(new FakeWriteAttempt(call, writer.Destination, writer.EntityType, message.Id, message.AttemptCount, message.Payload, fault, applied, remoteId, result, at));
        }

        return result;
    }

    internal DeliveryResult Apply(FakeDestinationWriter writer, OutboxMessage message, JsonObject data, int call, DateTimeOffset at, bool ambiguous)
    {
        var options = writer.Options;
        lock (_gate)
        {
            var key = (writer.Destination, message.Id);
            bool applied;
            if (!options.HonoursIdempotencyKey || !_idempotency.TryGetValue(key, out var remoteId))
            {
                var table = TableOf(writer.EntityType);
                remoteId = options.UpsertKeyPath is { } path ? FindByKey(table, path, JsonPath.SelectText(data, path)) : null;
                remoteId ??= NextId(writer.EntityType, table);
                Store(writer.EntityType, table, remoteId, data);
                if (options.HonoursIdempotencyKey)
                {
                    _idempotency[key] = remoteId;
                }

                applied = true;
            }
            else
            {
                applied = false;
            }

            var result = ambiguous
                ? DeliveryResult.PermanentFailure(string.Create(CultureInfo.InvariantCulture, $"fake {Name}: ambiguous outcome: write call {call} was applied, but the answer was lost; check the target before a replay"), FakeConstants.AmbiguousOutcome)
                : DeliveryResult.DeliveredAs(remoteId);
            _attempts.Add(new FakeWriteAttempt(call, writer.Destination, writer.EntityType, message.Id, message.AttemptCount, message.Payload,
                ambiguous ? FakeFault.AmbiguousOutcome : FakeFault.None, applied, remoteId, result, at));
            return result;
        }
    }

    private static string? FindByKey(Table table, string path, string? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var id in table.Order)
        {
            if (string.Equals(JsonPath.SelectText(table.Records[id].Data, path), value, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return null;
    }

    private Table TableOf(string entityType)
    {
        if (!_tables.TryGetValue(entityType, out var table))
        {
            table = new Table();
            _tables.Add(entityType, table);
        }

        return table;
    }

    private string NextId(string entityType, Table table)
    {
        string id;
        do
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{Name}-{entityType}-{++table.LastNumber:D4}");
        }
        while (table.Records.ContainsKey(id));

        return id;
    }

    private FakeRecord Store(string entityType, Table table, string remoteId, JsonObject data)
    {
        var version = 1L;
        if (table.Records.TryGetValue(remoteId, out var existing))
        {
            version = existing.Snapshot.Version + 1;
        }
        else
        {
            table.Order.Add(remoteId);
        }

        var json = Encoding.UTF8.GetBytes(data.ToJsonString());
        var snapshot = new FakeRecord(Name, entityType, remoteId, json, version, ++_sequence, TimeProvider.GetUtcNow());
        table.Records[remoteId] = new Entry(snapshot, data);
        Publish(snapshot);
        return snapshot;
    }

    private sealed record Entry(FakeRecord Snapshot, JsonObject Data);

    private sealed class Table
    {
        public Dictionary<string, Entry> Records { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public int LastNumber { get; set; }
    }
}
