using System.Globalization;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Testing.Simulators.Internal;

namespace Connectivity.Testing.Simulators;

/// <content>The in-memory tables, the "user actions" and the in-process checks.</content>
public abstract partial class SimulatedSystem
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, StoredRecord>> _tables;
    private readonly Dictionary<string, long> _created = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;
    private long _sequence;
    private StreamWriter? _journal;

    /// <summary>Gets the lock that guards every table; it is re-entrant, so a handler may hold it around several calls.</summary>
    private protected Lock Gate => _gate;

    /// <summary>
    /// Creates a record as a person would in the system's UI: the system assigns the id, number and timestamps,
    /// and a <c>&lt;table&gt;.created</c> webhook is sent to every subscriber.
    /// </summary>
    /// <param name="table">The table (object, entity set).</param>
    /// <param name="fields">The fields to set; system fields (ids, timestamps) are ignored.</param>
    /// <returns>The id of the new record (<c>Id</c>, <c>id</c> or <c>sys_id</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="fields"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of this system.</exception>
    public string CreateRecord(string table, JsonObject fields)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        Guard.Against.Null(fields);
        return Insert(table, fields).Id;
    }

    /// <summary>
    /// Changes a record as a person would in the system's UI: the fields are merged into the record (a field
    /// set to <see langword="null"/> is cleared), the timestamps and version move on, and a
    /// <c>&lt;table&gt;.updated</c> webhook is sent to every subscriber.
    /// </summary>
    /// <param name="table">The table (object, entity set).</param>
    /// <param name="id">The id of the record.</param>
    /// <param name="fields">The fields to change; system fields are ignored.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of this system, or it has no record <paramref name="id"/>.</exception>
    public void UpdateRecord(string table, string id, JsonObject fields)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.Null(fields);
        lock (_gate)
        {
            var record = Find(table, id) ?? throw new ArgumentException($"The table '{table}' has no record '{id}'.", nameof(id));
            Modify(record, fields);
        }
    }

    /// <summary>Gets a copy of every record of a table, in the order of their last change, exactly as the plain GET of the API returns them.</summary>
    /// <param name="table">The table.</param>
    /// <returns>Copies; changing them does not change the system.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of this system.</exception>
    public IReadOnlyList<JsonObject> GetRecords(string table)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        lock (_gate)
        {
            return [.. Select(table, static _ => true).Select(static r => r.Data.DeepClone().AsObject())];
        }
    }

    /// <summary>Gets a copy of one record exactly as the plain GET of the API returns it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="id">The id of the record.</param>
    /// <returns>A copy, or <see langword="null"/> when the table has no such record.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of this system.</exception>
    public JsonObject? GetRecord(string table, string id)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        Guard.Against.Null(id);
        lock (_gate)
        {
            return Find(table, id)?.Data.DeepClone().AsObject();
        }
    }

    /// <summary>Counts the records of a table.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The number of records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of this system.</exception>
    public int CountRecords(string table)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        lock (_gate)
        {
            return _tables[table].Count;
        }
    }

    /// <summary>Finds records that share a value of <paramref name="keyField"/>: what a sync that creates twice leaves behind.</summary>
    /// <param name="table">The table.</param>
    /// <param name="keyField">The field that should be unique, for example <c>externalNo</c>.</param>
    /// <returns>Each value held by more than one record, with the ids of those records; records without the field are ignored.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of this system, or <paramref name="keyField"/> is blank.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FindDuplicates(string table, string keyField)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        Guard.Against.NullOrWhiteSpace(keyField);
        lock (_gate)
        {
            return Select(table, static _ => true)
                .Select(r => (Key: SimJson.KeyText(r.Data[keyField]), r.Id))
                .Where(static x => !string.IsNullOrEmpty(x.Key))
                .GroupBy(static x => x.Key!, StringComparer.Ordinal)
                .Where(static g => g.Count() > 1)
                .ToDictionary(static g => g.Key, static g => (IReadOnlyList<string>)[.. g.Select(static x => x.Id)], StringComparer.Ordinal);
        }
    }

    /// <summary>Gets what <c>GET /_sim/state</c> answers: every table with every record, the counts and the counters.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject GetState()
    {
        var tables = new JsonObject();
        var counts = new JsonObject();
        lock (_gate)
        {
            foreach (var table in Tables)
            {
                tables[table] = new JsonArray([.. Select(table, static _ => true).Select(static r => r.Data.DeepClone())]);
                counts[table] = _tables[table].Count;
            }
        }

        var webhooks = WebhookCounters;
        var faults = FaultCounters;
        return new JsonObject
        {
            ["name"] = Name,
            ["tables"] = tables,
            ["counts"] = counts,
            ["webhooks"] = new JsonObject
            {
                ["delivered"] = webhooks.Delivered,
                ["duplicated"] = webhooks.Duplicated,
                ["failed"] = webhooks.Failed,
                ["attempts"] = webhooks.Attempts,
                ["pending"] = webhooks.Pending,
            },
            ["faults"] = new JsonObject
            {
                ["tooManyRequests"] = faults.TooManyRequests,
                ["serviceUnavailable"] = faults.ServiceUnavailable,
                ["slowed"] = faults.Slowed,
                ["duplicatedWebhooks"] = faults.DuplicatedWebhooks,
                ["reorderedWebhooks"] = faults.ReorderedWebhooks,
            },
        };
    }

    /// <summary>Creates the id of a new record.</summary>
    /// <param name="table">The table.</param>
    /// <param name="ordinal">The 1-based creation number of the record in its table.</param>
    private protected abstract string NewId(string table, long ordinal);

    /// <summary>Writes the system fields (ids, numbers, timestamps, versions) into <see cref="StoredRecord.Data"/>.</summary>
    private protected abstract void Stamp(StoredRecord record);

    /// <summary>Tells whether a field is the system's own: written fields of that name are ignored.</summary>
    private protected abstract bool IsSystemField(string field);

    /// <summary>Turns a written value into the stored one; the default stores a copy.</summary>
    private protected virtual JsonNode? NormalizeValue(string table, string field, JsonNode? value) => value?.DeepClone();

    private protected StoredRecord? Find(string table, string id)
    {
        lock (_gate)
        {
            return _tables[table].GetValueOrDefault(id);
        }
    }

    /// <summary>Selects records in the precise order of their last change.</summary>
    private protected List<StoredRecord> Select(string table, Func<StoredRecord, bool> predicate)
    {
        lock (_gate)
        {
            var records = _tables[table].Values.Where(predicate).ToList();
            records.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            return records;
        }
    }

    /// <summary>Selects the records whose <paramref name="field"/> has the text <paramref name="value"/>, oldest change first.</summary>
    private protected List<StoredRecord> SelectBy(string table, string field, string value) =>
        Select(table, r => string.Equals(SimJson.KeyText(r.Data[field]), value, StringComparison.Ordinal));

    private protected StoredRecord Insert(string table, JsonObject fields)
    {
        lock (_gate)
        {
            var ordinal = _created[table] = _created.GetValueOrDefault(table) + 1;
            var timestamp = NextTimestamp();
            var record = new StoredRecord(table, NewId(table, ordinal), ordinal, timestamp) { Sequence = ++_sequence };
            Stamp(record);
            Merge(record, fields);
            _tables[table].Add(record.Id, record);
            Journal(record);
            Publish(record, "created");
            return record;
        }
    }

    private protected void Modify(StoredRecord record, JsonObject fields)
    {
        lock (_gate)
        {
            Merge(record, fields);
            record.Version++;
            record.Modified = NextTimestamp();
            record.Sequence = ++_sequence;
            Stamp(record);
            Journal(record);
            Publish(record, "updated");
        }
    }

    private StreamWriter OpenJournal(string path)
    {
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                JsonObject? entry;
                try
                {
                    entry = JsonNode.Parse(line) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    continue; // a line cut short by a killed process: it was never acknowledged
                }

                if (entry?["data"] is not JsonObject data || !_tables.TryGetValue((string)entry["table"]!, out var table))
                {
                    continue;
                }

                var record = new StoredRecord((string)entry["table"]!, (string)entry["id"]!, (long)entry["ordinal"]!, DateTimeOffset.Parse((string)entry["created"]!, CultureInfo.InvariantCulture))
                {
                    Modified = DateTimeOffset.Parse((string)entry["modified"]!, CultureInfo.InvariantCulture),
                    Version = (long)entry["version"]!,
                    Sequence = (long)entry["sequence"]!,
                };
                foreach (var (field, value) in data)
                {
                    record.Data[field] = value?.DeepClone();
                }

                table[record.Id] = record;
                _created[record.Table] = Math.Max(_created.GetValueOrDefault(record.Table), record.Ordinal);
                _sequence = Math.Max(_sequence, record.Sequence);
                _lastTimestamp = record.Modified > _lastTimestamp ? record.Modified : _lastTimestamp;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    private void Journal(StoredRecord record)
    {
        if (_journal is null)
        {
            return;
        }

        var entry = new JsonObject
        {
            ["table"] = record.Table,
            ["id"] = record.Id,
            ["ordinal"] = record.Ordinal,
            ["created"] = record.Created.ToString("O", CultureInfo.InvariantCulture),
            ["modified"] = record.Modified.ToString("O", CultureInfo.InvariantCulture),
            ["version"] = record.Version,
            ["sequence"] = record.Sequence,
            ["data"] = record.Data.DeepClone(),
        };
        _journal.WriteLine(SimJson.Serialize(entry));
    }

    private void Merge(StoredRecord record, JsonObject fields)
    {
        foreach (var (field, value) in fields)
        {
            if (!IsSystemField(field))
            {
                record.Data[field] = NormalizeValue(record.Table, field, value);
            }
        }
    }

    /// <summary>The time of a change: millisecond precision, strictly increasing within the system, so ordering by it is reliable.</summary>
    private DateTimeOffset NextTimestamp()
    {
        var now = _clock.GetUtcNow().ToUniversalTime();
        var timestamp = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        _lastTimestamp = timestamp > _lastTimestamp ? timestamp : _lastTimestamp.AddMilliseconds(1);
        return _lastTimestamp;
    }

    private void Publish(StoredRecord record, string change)
    {
        var body = new JsonObject
        {
            ["id"] = "msg_" + Guid.NewGuid().ToString("N"),
            ["type"] = $"{record.Table}.{change}",
            ["timestamp"] = record.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = record.Data.DeepClone(),
        };
        _webhooks.Enqueue(new WebhookEvent((string)body["id"]!, $"{record.Table}/{record.Id}", SimJson.SerializeToUtf8(body)));
    }
}
