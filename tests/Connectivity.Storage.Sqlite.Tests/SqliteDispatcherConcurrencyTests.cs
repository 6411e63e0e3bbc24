using System.Collections.Concurrent;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Connectivity.Storage.Sqlite.Tests;

/// <summary>Four dispatchers, each with its own database handle and connections, share one SQLite file.</summary>
public sealed class SqliteDispatcherConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private const int MessageCount = 20_000;
    private const int KeyCount = 400;
    private const int DispatcherCount = 4;

    private readonly SqliteTestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Dispatch_FourDispatchersWithOnePercentTransientFailures_DeliversEveryMessageOnceInKeyOrder()
    {
        // Synchronous = Normal keeps 40,000 commits inside the test budget; it survives a process crash, which is what this test is about.
        var seed = new SqliteOutboxStore(_file.Create(TimeProvider.System, SqliteSynchronousMode.Normal), TimeProvider.System);
        for (var batch = 0; batch < MessageCount / 1000; batch++)
        {
            await seed.EnqueueAsync(Enumerable.Range(batch * 1000, 1000)
                .Select(i => new OutboxMessage(Guid.CreateVersion7(), "erp", BitConverter.GetBytes(i), $"key-{i % KeyCount}"))
                .ToArray());
        }

        var sink = new CheckingSink();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        var dispatchers = Enumerable.Range(0, DispatcherCount).Select(n => new OutboxDispatcher(
            new SqliteOutboxStore(_file.Create(TimeProvider.System, SqliteSynchronousMode.Normal), TimeProvider.System),
            [sink],
            Options.Create(new OutboxDispatcherOptions
            {
                Owner = $"dispatcher-{n}",
                BatchSize = 50,
                MaxAttempts = 50,
                BaseRetryDelay = TimeSpan.FromMilliseconds(1),
                MaxRetryDelay = TimeSpan.FromMilliseconds(20),
                LeaseDuration = TimeSpan.FromMinutes(5),
            }),
            TimeProvider.System)).ToArray();

        var retried = 0;
        await Task.WhenAll(dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            while (sink.DeliveredCount < MessageCount)
            {
                var pass = await dispatcher.RunOnceAsync(timeout.Token);
                Interlocked.Add(ref retried, pass.Retried);
                Assert.Equal(0, pass.LeasesLost);
                if (pass.Claimed == 0)
                {
                    await Task.Delay(2, timeout.Token);
                }
            }
        })));

        output.WriteLine($"dispatchers: {DispatcherCount}, messages: {MessageCount}, delivered: {sink.DeliveredCount}, transient failures injected: {sink.FailuresInjected}, retried: {retried}, overlapping claims: {sink.Overlaps}, order violations: {sink.OrderViolations}");
        Assert.Equal(MessageCount, sink.DeliveredCount);
        Assert.All(sink.Deliveries.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, sink.Overlaps);
        Assert.Equal(0, sink.OrderViolations);
        Assert.True(sink.FailuresInjected > 0);
        Assert.Equal(sink.FailuresInjected, retried);
        Assert.Equal(0, (await seed.GetStatisticsAsync()).PendingCount);
        Assert.Empty(await seed.ListAsync());
    }

    private sealed class CheckingSink : IDestinationWriter
    {
        private readonly ConcurrentDictionary<Guid, byte> _messagesInFlight = new();
        private readonly ConcurrentDictionary<string, byte> _keysInFlight = new();
        private readonly ConcurrentDictionary<string, int> _lastIndexPerKey = new();
        private int _delivered;
        private int _failures;
        private int _overlaps;
        private int _orderViolations;

        public string Destination => "erp";

        public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

        public int DeliveredCount => Volatile.Read(ref _delivered);

        public int FailuresInjected => Volatile.Read(ref _failures);

        public int Overlaps => Volatile.Read(ref _overlaps);

        public int OrderViolations => Volatile.Read(ref _orderViolations);

        public async ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            // Two live leases on one message, or two messages of one key at once, would both show here.
            var messageAdded = _messagesInFlight.TryAdd(message.Id, 0);
            var keyAdded = _keysInFlight.TryAdd(message.EntityKey!, 0);
            if (!messageAdded || !keyAdded)
            {
                Interlocked.Increment(ref _overlaps);
            }

            try
            {
                await Task.Yield();
                if (Random.Shared.NextDouble() < 0.01)
                {
                    Interlocked.Increment(ref _failures);
                    return DeliveryResult.TransientFailure("503 injected");
                }

                var index = BitConverter.ToInt32(message.Payload.Span);
                var previous = _lastIndexPerKey.GetOrAdd(message.EntityKey!, -1);
                if (index <= previous)
                {
                    Interlocked.Increment(ref _orderViolations);
                }

                _lastIndexPerKey[message.EntityKey!] = index;
                Deliveries.AddOrUpdate(message.Id, 1, static (_, n) => n + 1);
                Interlocked.Increment(ref _delivered);
                return DeliveryResult.Delivered;
            }
            finally
            {
                if (keyAdded)
                {
                    _keysInFlight.TryRemove(message.EntityKey!, out _);
                }

                if (messageAdded)
                {
                    _messagesInFlight.TryRemove(message.Id, out _);
                }
            }
        }
    }
}
