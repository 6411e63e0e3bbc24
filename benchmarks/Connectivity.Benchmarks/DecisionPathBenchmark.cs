using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Connectivity.Canonical;
using Connectivity.Canonical.Ownership;
using Connectivity.Canonical.Serialization;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;

namespace Connectivity.Benchmarks;

/// <summary>
/// The per-record decision: an active customer arrives from ERP with its credit limit changed and its modification
/// time touched. Change detection against the base, the echo guard (one earlier write remembered) and the ownership
/// policy, through <see cref="ChangeDecider"/> with in-memory stores, against hand-written code for the same fields.
/// </summary>
[MemoryDiagnoser]
public class DecisionPathBenchmark
{
    private ChangeDecider _decider = null!;
    private byte[] _incomingUtf8 = null!;
    private byte[] _currentUtf8 = null!;
    private byte[] _baseUtf8 = null!;
    private JsonElement _incoming;
    private JsonElement _current;
    private long _echoHash;

    [GlobalSetup]
    public void Setup()
    {
        var customer = new Customer
        {
            Id = "c1",
            Name = "Nordbygg AS",
            Number = "10001",
            Email = "post@nordbygg.no",
            Phone = "+47 22 00 00 00",
            Stage = CustomerStage.Active,
            Currency = "NOK",
            PaymentTerms = "NET30",
            CreditLimit = Money.Of(5000, "NOK"),
            BillingAddress = new PostalAddress { Lines = ["Storgata 1"], City = "Oslo", PostalCode = "0155", CountryCode = "NO" },
            ModifiedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        };
        _baseUtf8 = CanonicalJson.SerializeToUtf8Bytes(customer);
        _currentUtf8 = _baseUtf8;
        customer.CreditLimit = Money.Of(9000, "NOK");
        customer.ModifiedAt = customer.ModifiedAt.AddMinutes(5);
        _incomingUtf8 = CanonicalJson.SerializeToUtf8Bytes(customer);
        _incoming = JsonDocument.Parse(_incomingUtf8).RootElement;
        _current = JsonDocument.Parse(_currentUtf8).RootElement;

        var time = TimeProvider.System;
        var echoes = new InMemoryEchoFingerprintStore(time);
        _decider = new ChangeDecider(CanonicalOwnershipPolicy.Default, new FixedBaseStore(_baseUtf8), echoes, new InMemoryConflictStore(), time);

        // One earlier write to ERP is remembered (a different name), so the guard has something to compare.
        customer.Name = "Nordbygg";
        var written = JsonDocument.Parse(CanonicalJson.SerializeToUtf8Bytes(customer)).RootElement;
        var writer = new ChangeDecider(CanonicalOwnershipPolicy.Default, new InMemoryBaseSnapshotStore(), echoes, new InMemoryConflictStore(), time);
        writer.RecordWriteAsync("erp", "customer", "c1", written).AsTask().GetAwaiter().GetResult();
        _echoHash = HandWritten.Hash(written);

        var check = Decide();
        if (check.Accepted.Count != 1 || check.Accepted[0].FieldPath != "creditLimit.amount" || HandWritten.Decide(_incomingUtf8, _baseUtf8, _currentUtf8, _echoHash) != 1)
        {
            throw new InvalidOperationException("The two decision paths disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written")]
    public int HandWrittenDecision() => HandWritten.Decide(_incomingUtf8, _baseUtf8, _currentUtf8, _echoHash);

    [Benchmark(Description = "ChangeDecider")]
    public int ChangeDeciderDecision() => Decide().Accepted.Count;

    private ChangeDecision Decide()
        => _decider.DecideAsync("erp", "customer", "c1", _incoming, _current).AsTask().GetAwaiter().GetResult();

    /// <summary>A base store that always holds the same base and drops saves, so every iteration decides the same change.</summary>
    private sealed class FixedBaseStore(byte[] json) : IBaseSnapshotStore
    {
        private readonly BaseSnapshot _snapshot = new(json, 1);

        public ValueTask<BaseSnapshot?> GetAsync(RecordKey key, CancellationToken cancellationToken = default) => new(_snapshot);

        public ValueTask<bool> TrySaveAsync(RecordKey key, BaseSnapshot snapshot, long expectedRevision, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default) => new(true);

        public ValueTask<bool> RemoveAsync(RecordKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default) => new(false);
    }

    /// <summary>What an integration engineer writes by hand for this one entity: fixed fields, owners in a switch.</summary>
    private static class HandWritten
    {
        private static readonly string[][] Fields =
        [
            ["name"], ["number"], ["email"], ["phone"], ["stage"], ["currency"], ["paymentTerms"],
            ["creditLimit", "amount"], ["creditLimit", "currency"],
            ["billingAddress", "city"], ["billingAddress", "postalCode"], ["billingAddress", "countryCode"],
        ];

        public static int Decide(byte[] incomingUtf8, byte[] baseUtf8, byte[] currentUtf8, long echoHash)
        {
            using var incoming = JsonDocument.Parse(incomingUtf8);
            using var @base = JsonDocument.Parse(baseUtf8);
            using var current = JsonDocument.Parse(currentUtf8);
            if (Hash(incoming.RootElement) == echoHash)
            {
                return 0;
            }

            var stage = current.RootElement.GetProperty("stage").GetString();
            var accepted = 0;
            foreach (var field in Fields)
            {
                var i = Get(incoming.RootElement, field);
                var b = Get(@base.RootElement, field);
                if (Same(i, b))
                {
                    continue;
                }

                var c = Get(current.RootElement, field);
                if (Same(i, c))
                {
                    continue;
                }

                var owner = field[0] switch
                {
                    "number" or "currency" or "paymentTerms" => "erp",
                    "creditLimit" or "billingAddress" or "stage" => stage == "prospect" ? "crm" : "erp",
                    _ => "crm",
                };
                if (owner == "erp" && Same(c, b))
                {
                    accepted++;
                }
            }

            return accepted;
        }

        public static long Hash(JsonElement root)
        {
            var hash = 14695981039346656037UL;
            foreach (var field in Fields)
            {
                var text = Get(root, field)?.GetRawText() ?? string.Empty;
                foreach (var ch in text)
                {
                    hash = (hash ^ ch) * 1099511628211UL;
                }
            }

            return unchecked((long)hash);
        }

        private static JsonElement? Get(JsonElement root, string[] path)
        {
            var e = root;
            foreach (var name in path)
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
                {
                    return null;
                }
            }

            return e.ValueKind == JsonValueKind.Null ? null : e;
        }

        private static bool Same(JsonElement? a, JsonElement? b)
            => a is null || b is null ? a is null && b is null : JsonElement.DeepEquals(a.Value, b.Value);
    }
}
