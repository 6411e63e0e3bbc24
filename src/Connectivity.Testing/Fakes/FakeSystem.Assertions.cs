using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Testing.Fakes.Internal;

namespace Connectivity.Testing.Fakes;

public sealed partial class FakeSystem
{
    /// <summary>Gets how many write calls of the system's writers created or changed a record of an entity type (an ambiguous outcome
    /// counts, a replay answered by its idempotency key does not).</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The number of applied writes.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public int WriteCount(string entityType)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        lock (_gate)
        {
            return _attempts.Count(a => a.Applied && string.Equals(a.EntityType, entityType, StringComparison.Ordinal));
        }
    }

    /// <summary>Finds duplicates in the target: records of an entity type that share the value at a natural-key path.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="keyPath">The path of the natural key (<c>externalId</c>, <c>contacts[0].email</c>); records without a value there are left out.</param>
    /// <returns>The records of each duplicated key value, in the order they were created; empty when there are no duplicates.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="keyPath"/> is empty or white space, or <paramref name="keyPath"/> is not a path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="keyPath"/> is <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<FakeRecord>> Duplicates(string entityType, string keyPath)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(keyPath);
        JsonPath.Parse(keyPath);
        lock (_gate)
        {
            if (!_tables.TryGetValue(entityType, out var table))
            {
                return new Dictionary<string, IReadOnlyList<FakeRecord>>(StringComparer.Ordinal);
            }

            return table.Order
                .Select(id => table.Records[id])
                .Select(entry => (Key: JsonPath.SelectText(entry.Data, keyPath), entry.Snapshot))
                .Where(pair => pair.Key is not null)
                .GroupBy(pair => pair.Key!, StringComparer.Ordinal)
                .Where(group => group.Count() > 1)
                .ToDictionary(group => group.Key, group => (IReadOnlyList<FakeRecord>)[.. group.Select(pair => pair.Snapshot)], StringComparer.Ordinal);
        }
    }

    /// <summary>Asserts that no two records of an entity type share the value at a natural-key path.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="keyPath">The path of the natural key.</param>
    /// <exception cref="FakeSystemAssertionException">There are duplicates; the message lists them.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="keyPath"/> is empty or white space, or <paramref name="keyPath"/> is not a path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="keyPath"/> is <see langword="null"/>.</exception>
    public void AssertNoDuplicates(string entityType, string keyPath)
    {
        var duplicates = Duplicates(entityType, keyPath);
        if (duplicates.Count == 0)
        {
            return;
        }

        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Name} holds duplicate {entityType} records by {keyPath}:");
        foreach (var (key, records) in duplicates)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  {keyPath} = '{key}': {records.Count} records");
            foreach (var record in records)
            {
                message.AppendLine().Append("    ").Append(record);
            }
        }

        throw new FakeSystemAssertionException(message.ToString());
    }

    /// <summary>Asserts how many records of an entity type the system holds.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="expected">The number expected.</param>
    /// <exception cref="FakeSystemAssertionException">The system holds another number; the message lists the records.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty or white space, or <paramref name="expected"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public void AssertRecordCount(string entityType, int expected)
    {
        Guard.Against.Negative(expected);
        var records = Records(entityType);
        if (records.Count != expected)
        {
            throw new FakeSystemAssertionException(Describe($"Expected {expected} {entityType} records in {Name}, found {records.Count}", records));
        }
    }

    /// <summary>Asserts that exactly one record of an entity type matches, and returns it.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="match">Says whether a record (a copy of it) is the one expected.</param>
    /// <returns>The record.</returns>
    /// <exception cref="FakeSystemAssertionException">No record, or more than one, matches; the message lists the records.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="match"/> is <see langword="null"/>.</exception>
    public FakeRecord AssertWritten(string entityType, Func<JsonObject, bool> match)
    {
        Guard.Against.Null(match);
        var records = Records(entityType);
        var matching = records.Where(r => match(r.ToJsonObject())).ToList();
        return matching.Count switch
        {
            1 => matching[0],
            0 => throw new FakeSystemAssertionException(Describe($"Expected one matching {entityType} record in {Name}, found none among {records.Count}", records)),
            _ => throw new FakeSystemAssertionException(Describe($"Expected one matching {entityType} record in {Name}, found {matching.Count}", matching)),
        };
    }

    private static string Describe(string headline, IReadOnlyList<FakeRecord> records)
    {
        const int Shown = 20;
        var message = new StringBuilder(headline).Append(records.Count == 0 ? "." : ":");
        foreach (var record in records.Take(Shown))
        {
            message.AppendLine().Append("  ").Append(record);
        }

        if (records.Count > Shown)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  … and {records.Count - Shown} more");
        }

        return message.ToString();
    }
}
