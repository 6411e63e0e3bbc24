using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Connectivity.Storage.Sqlite.Tests;

/// <summary>Poison messages are contained: each is dead-lettered after exactly the configured attempts with its reason,
/// the rest flow, and a replay after the fix delivers each exactly once.</summary>
public sealed class SqlitePoisonTests(ITestOutputHelper output) : IDisposable
{
    private const int MaxAttempts = 4;
    private const int PermanentFailureMaxAttempts = 2;

    private readonly SqliteTestDatabase _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Dispatch_PoisonMessages_DeadLetteredAfterExactlyTheConfiguredAttemptsAndReplayDeliversOnce()
    {
        var store = new SqliteOutboxStore(_file.Create(_time), _time);
        var erp = new JsonWriter("erp");
        var crm = new AlwaysUnprocessableWriter("crm");
        var flaky = new AlwaysUnavailableWriter("flaky");
        var options = Options.Create(new OutboxDispatcherOptions
        {
            Owner = "poison-test",
            MaxAttempts = MaxAttempts,
            PermanentFailureMaxAttempts = PermanentFailureMaxAttempts,
            BaseRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
        });
        var dispatcher = new OutboxDispatcher(store, [erp, crm, flaky], options, _time);

        var good = Enumerable.Range(0, 100).Select(i => Message("erp", $"{{\"n\":{i}}}", $"c{i % 10}")).ToArray();
        var unreadable = Enumerable.Range(0, 5).Select(i => Message("erp", $"{{\"n\":{i}", $"bad{i}")).ToArray();
        var rejected = Enumerable.Range(0, 5).Select(i => Message("crm", $"{{\"n\":{i}}}", $"r{i}")).ToArray();
        var unknown = Enumerable.Range(0, 5).Select(i => Message("nowhere", $"{{\"n\":{i}}}", $"u{i}")).ToArray();
        var unavailable = Enumerable.Range(0, 3).Select(i => Message("flaky", $"{{\"n\":{i}}}", $"f{i}")).ToArray();
        await store.EnqueueAsync([.. good, .. unreadable, .. rejected, .. unknown, .. unavailable]);

        await DrainAsync(dispatcher, store);

        var deadLetters = await store.ListAsync(limit: 1000);
        output.WriteLine($"delivered: {erp.Delivered.Count}, dead-lettered: {deadLetters.Count} ({string.Join(", ", deadLetters.GroupBy(d => d.ErrorCode).Select(g => $"{g.Key}: {g.Count()}"))})");
        Assert.Equal(good.Select(m => m.Id).Order(), erp.Delivered.Keys.Order());
        Assert.All(erp.Delivered.Values, n => Assert.Equal(1, n));
        Assert.Equal(18, deadLetters.Count);

        AssertDeadLettered(deadLetters, unreadable, DeliveryErrorCodes.UndeserializablePayload, "cannot be read", PermanentFailureMaxAttempts);
        AssertDeadLettered(deadLetters, rejected, DeliveryErrorCodes.PermanentFailure, "422", PermanentFailureMaxAttempts);
        AssertDeadLettered(deadLetters, unknown, DeliveryErrorCodes.UnknownDestination, "No destination writer is registered for 'nowhere'", PermanentFailureMaxAttempts);
        AssertDeadLettered(deadLetters, unavailable, DeliveryErrorCodes.AttemptsExhausted, $"Gave up after {MaxAttempts} attempts", MaxAttempts);
        Assert.All(unreadable, m => Assert.Equal(PermanentFailureMaxAttempts, erp.Attempts[m.Id]));
        Assert.All(rejected, m => Assert.Equal(PermanentFailureMaxAttempts, crm.Attempts[m.Id]));
        Assert.All(unavailable, m => Assert.Equal(MaxAttempts, flaky.Attempts[m.Id]));

        // The fixes: the ERP writer learns the legacy format, the CRM accepts, a writer for "nowhere" is deployed.
        erp.AcceptTruncated = true;
        crm.Fixed = true;
        flaky.Fixed = true;
        var nowhere = new JsonWriter("nowhere");
        var fixedDispatcher = new OutboxDispatcher(store, [erp, crm, flaky, nowhere], options, _time);
        foreach (var deadLetter in deadLetters)
        {
            Assert.True(await store.ReplayAsync(deadLetter.Message.Id, "ops@example.com", "fixed"));
        }

        await DrainAsync(fixedDispatcher, store);

        Assert.All(unreadable, m => Assert.Equal(1, erp.Delivered[m.Id]));
        Assert.All(rejected, m => Assert.Equal(1, crm.Delivered[m.Id]));
        Assert.All(unknown, m => Assert.Equal(1, nowhere.Delivered[m.Id]));
        Assert.All(unavailable, m => Assert.Equal(1, flaky.Delivered[m.Id]));
        Assert.All(good, m => Assert.Equal(1, erp.Delivered[m.Id]));
        Assert.Empty(await store.ListAsync());
        Assert.Equal(18, (await store.ListAsync(DeadLetterStatus.Replayed, limit: 1000)).Count);
        var history = (await store.InspectAsync(unknown[0].Id, "auditor"))!.History;
        Assert.Equal([DeadLetterAction.DeadLettered, DeadLetterAction.Replayed, DeadLetterAction.Inspected], history.Select(h => h.Action));
        Assert.Equal(["poison-test", "ops@example.com", "auditor"], history.Select(h => h.Actor));
    }

    private static void AssertDeadLettered(IReadOnlyList<DeadLetter> deadLetters, OutboxMessage[] messages, string code, string reason, int attempts)
    {
        foreach (var message in messages)
        {
            var deadLetter = Assert.Single(deadLetters, d => d.Message.Id == message.Id);
            Assert.Equal(code, deadLetter.ErrorCode);
            Assert.Contains(reason, deadLetter.Reason, StringComparison.Ordinal);
            Assert.Equal(attempts, deadLetter.Message.AttemptCount);
        }
    }

    private async Task DrainAsync(OutboxDispatcher dispatcher, SqliteOutboxStore store)
    {
        for (var pass = 0; pass < 200 && (await store.GetStatisticsAsync()).PendingCount > 0; pass++)
        {
            await dispatcher.RunOnceAsync();
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, (await store.GetStatisticsAsync()).PendingCount);
    }

    private static OutboxMessage Message(string destination, string json, string key) => new(Guid.NewGuid(), destination, Encoding.UTF8.GetBytes(json), key);

    private abstract class CountingWriter(string destination) : IDestinationWriter
    {
        public string Destination { get; } = destination;

        public ConcurrentDictionary<Guid, int> Attempts { get; } = new();

        public ConcurrentDictionary<Guid, int> Delivered { get; } = new();

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Attempts.AddOrUpdate(message.Id, 1, static (_, n) => n + 1);
            var result = Write(message);
            if (result.Outcome == DeliveryOutcome.Delivered)
            {
                Delivered.AddOrUpdate(message.Id, 1, static (_, n) => n + 1);
            }

            return new ValueTask<DeliveryResult>(result);
        }

        protected abstract DeliveryResult Write(OutboxMessage message);
    }

    private sealed class JsonWriter(string destination) : CountingWriter(destination)
    {
        public bool AcceptTruncated { get; set; }

        protected override DeliveryResult Write(OutboxMessage message)
        {
            try
            {
                using var document = JsonDocument.Parse(message.Payload);
                return DeliveryResult.Delivered;
            }
            catch (JsonException ex) when (!AcceptTruncated)
            {
                return DeliveryResult.PermanentFailure($"The payload cannot be read: {ex.Message}", DeliveryErrorCodes.UndeserializablePayload);
            }
            catch (JsonException)
            {
                return DeliveryResult.Delivered;
            }
        }
    }

    private sealed class AlwaysUnprocessableWriter(string destination) : CountingWriter(destination)
    {
        public bool Fixed { get; set; }

        protected override DeliveryResult Write(OutboxMessage message) =>
            Fixed ? DeliveryResult.Delivered : DeliveryResult.PermanentFailure("422 Unprocessable Entity: field 'vatNumber' is required");
    }

    private sealed class AlwaysUnavailableWriter(string destination) : CountingWriter(destination)
    {
        public bool Fixed { get; set; }

        protected override DeliveryResult Write(OutboxMessage message) =>
            Fixed ? DeliveryResult.Delivered : DeliveryResult.TransientFailure("503 Service Unavailable", TimeSpan.FromSeconds(5));
    }
}
