using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Connectivity.Delivery;
using Connectivity.Diagnostics;
using Connectivity.Inbox;
using Connectivity.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Delivery;

/// <summary>
/// Every delivery step is counted on the meter named <see cref="ConnectivityDiagnostics.MeterName"/>. Each test uses
/// its own destination or source, so measurements of tests running alongside do not count.
/// </summary>
public sealed class DeliveryMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly string _destination = "metrics-" + Guid.NewGuid().ToString("N");
    private readonly ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();

    public DeliveryMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConnectivityDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(static t => t.Key, static t => t.Value))));
        _listener.Start();
    }

    [Fact]
    public async Task Dispatch_CountsDeliveredRetriedAndDeadLetteredPerDestination()
    {
        var store = new InMemoryOutboxStore(_time);
        var results = new Queue<DeliveryResult>([DeliveryResult.Delivered, DeliveryResult.TransientFailure("503"), DeliveryResult.PermanentFailure("422")]);
        var writer = new Writer(_destination, () => results.Dequeue());
        var dispatcher = new OutboxDispatcher(store, [writer], Options.Create(new OutboxDispatcherOptions { Owner = "m", MaxAttempts = 3, MaxConcurrentDeliveries = 1 }), _time);
        await store.EnqueueAsync([
            new OutboxMessage(Guid.NewGuid(), _destination, "{}"u8.ToArray(), "a"),
            new OutboxMessage(Guid.NewGuid(), _destination, "{}"u8.ToArray(), "b"),
            new OutboxMessage(Guid.NewGuid(), _destination, "{}"u8.ToArray(), "c"),
        ]);

        var pass = await dispatcher.RunOnceAsync();

        Assert.Equal(3, pass.Claimed);
        Assert.Equal(1, Count("connectivity.outbox.delivered"));
        Assert.Equal(1, Count("connectivity.outbox.retried", "error.code", DeliveryErrorCodes.TransientFailure));
        Assert.Equal(1, Count("connectivity.outbox.dead_lettered", "error.code", DeliveryErrorCodes.PermanentFailure));
        Assert.True(_measurements.Where(static m => m.Instrument == "connectivity.outbox.claimed").Sum(static m => m.Value) >= 3);
    }

    [Fact]
    public async Task Inbox_CountsEachDuplicateAbsorbed()
    {
        var inbox = new InMemoryInboxStore(Options.Create(new InboxOptions()), _time);

        await inbox.TryAcceptAsync(_destination, "m1");
        await inbox.TryAcceptAsync(_destination, "m1");
        await inbox.TryAcceptAsync(_destination, "m1");

        Assert.Equal(2, _measurements.Count(m => m.Instrument == "connectivity.delivery.duplicates_absorbed" && Equals(m.Tags.GetValueOrDefault("source"), _destination)));
    }

    public void Dispose() => _listener.Dispose();

    private long Count(string instrument, string? tag = null, string? value = null)
        => _measurements
            .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("destination"), _destination) && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value)))
            .Sum(static m => m.Value);

    private sealed class Writer(string destination, Func<DeliveryResult> next) : IDestinationWriter
    {
        public string Destination { get; } = destination;

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken) => ValueTask.FromResult(next());
    }
}
