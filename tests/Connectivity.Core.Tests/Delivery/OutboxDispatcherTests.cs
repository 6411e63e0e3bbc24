using System.Diagnostics;
using Connectivity.Core.Tests.Outbox;
using Connectivity.Delivery;
using Connectivity.Diagnostics;
using Connectivity.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Delivery;

public sealed class OutboxDispatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryOutboxStore _store;

    public OutboxDispatcherTests()
    {
        _store = new InMemoryOutboxStore(_time);
    }

    private OutboxDispatcher Dispatcher(IDestinationWriter writer, Action<OutboxDispatcherOptions>? configure = null, string owner = "d1")
    {
        var options = new OutboxDispatcherOptions { Owner = owner, BaseRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(1), MaxAttempts = 3 };
        configure?.Invoke(options);
        return new OutboxDispatcher(_store, [writer], Options.Create(options), _time);
    }

    private async Task<OutboxMessage> EnqueueAsync(string destination = "erp", string? key = null)
    {
        var message = new OutboxMessage(Guid.NewGuid(), destination, "{}"u8.ToArray(), key);
        await _store.EnqueueAsync([message]);
        return message;
    }

    [Fact]
    public async Task RunOnce_WriterDelivers_MarksTheMessageDelivered()
    {
        var writer = new ScriptedWriter("erp", DeliveryResult.Delivered);
        var message = await EnqueueAsync();

        var pass = await Dispatcher(writer).RunOnceAsync();

        Assert.Equal(new OutboxDispatchResult(1, 1, 0, 0, 0), pass);
        Assert.Equal([message.Id], writer.Calls.Select(c => c.Id));
        Assert.Equal(0, (await _store.GetStatisticsAsync()).PendingCount);
    }

    [Fact]
    public async Task RunOnce_DeliveryOutlastsTheLease_LeaseRenewedSoNoOtherDispatcherSendsItAgain()
    {
        var lease = TimeSpan.FromSeconds(30);
        var (slow, started, gate) = GatedWriter();
        var other = new ScriptedWriter("erp", DeliveryResult.Delivered);
        var counting = new RenewalCountingStore(_store);
        var first = new OutboxDispatcher(counting, [slow], Options.Create(new OutboxDispatcherOptions { Owner = "d1", LeaseDuration = lease }), _time);
        var second = Dispatcher(other, o => o.LeaseDuration = lease, owner: "d2");
        var message = await EnqueueAsync();

        var pass = first.RunOnceAsync().AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var claimedBySecond = 0;
        for (var tick = 1; tick <= 9; tick++)
        {
            // Three lease durations in thirds: each third the first dispatcher renews, then the second one tries to claim.
            _time.Advance(lease / 3);
            await WaitForAsync(() => counting.Renewals >= tick);
            claimedBySecond += (await second.RunOnceAsync()).Claimed;
        }

        gate.SetResult();
        var result = await pass.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, claimedBySecond);
        Assert.Empty(other.Calls);
        Assert.Equal(new OutboxDispatchResult(1, 1, 0, 0, 0), result);
        Assert.Equal([message.Id], slow.Calls.Select(c => c.Id));
    }

    [Fact]
    public async Task RunOnce_OneRenewalFails_TheNextTickRenewsAndTheLeaseHolds()
    {
        var lease = TimeSpan.FromSeconds(30);
        var (slow, started, gate) = GatedWriter();
        var counting = new RenewalCountingStore(_store, failures: 1);
        var first = new OutboxDispatcher(counting, [slow], Options.Create(new OutboxDispatcherOptions { Owner = "d1", LeaseDuration = lease }), _time);
        var second = Dispatcher(new ScriptedWriter("erp", DeliveryResult.Delivered), o => o.LeaseDuration = lease, owner: "d2");
        await EnqueueAsync();

        var pass = first.RunOnceAsync().AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(lease / 3);
        await WaitForAsync(() => counting.Attempts >= 1);
        _time.Advance(lease / 3);
        await WaitForAsync(() => counting.Renewals >= 1);
        _time.Advance(lease / 3);
        await WaitForAsync(() => counting.Renewals >= 2);
        var claimedBySecond = (await second.RunOnceAsync()).Claimed;
        gate.SetResult();

        Assert.Equal(0, claimedBySecond);
        Assert.Equal(1, (await pass.WaitAsync(TimeSpan.FromSeconds(10))).Delivered);
    }

    [Fact]
    public async Task RunOnce_TransientFailure_RetriesAfterAJitteredExponentialDelay()
    {
        var writer = new ScriptedWriter("erp", DeliveryResult.TransientFailure("503"), DeliveryResult.TransientFailure("503"), DeliveryResult.Delivered);
        var dispatcher = Dispatcher(writer, o => o.MaxAttempts = 5);
        await EnqueueAsync();

        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Retried);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Claimed);
        _time.Advance(TimeSpan.FromMilliseconds(501));
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Retried);

        // The second delay lies in [1 s, 2 s].
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Claimed);
        _time.Advance(TimeSpan.FromMilliseconds(1001));
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Delivered);
        Assert.Equal([1, 2, 3], writer.Calls.Select(c => c.AttemptCount));
    }

    [Fact]
    public async Task RunOnce_RetryAfterLongerThanTheBackoff_WaitsForTheRetryAfter()
    {
        var writer = new ScriptedWriter("erp", DeliveryResult.TransientFailure("429", TimeSpan.FromSeconds(90)), DeliveryResult.Delivered);
        var dispatcher = Dispatcher(writer);
        await EnqueueAsync();

        await dispatcher.RunOnceAsync();
        _time.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Claimed);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Delivered);
    }

    [Fact]
    public async Task RunOnce_TransientFailuresEveryTime_DeadLettersAfterExactlyMaxAttempts()
    {
        var writer = new ScriptedWriter("erp", DeliveryResult.TransientFailure("503"));
        var dispatcher = Dispatcher(writer, o => o.MaxAttempts = 3);
        var message = await EnqueueAsync();

        for (var i = 0; i < 10; i++)
        {
            await dispatcher.RunOnceAsync();
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, writer.Calls.Count);
        var deadLetter = Assert.Single(await _store.ListAsync());
        Assert.Equal(message.Id, deadLetter.Message.Id);
        Assert.Equal(DeliveryErrorCodes.AttemptsExhausted, deadLetter.ErrorCode);
        Assert.Equal("Gave up after 3 attempts; last: CNX5002 503", deadLetter.Reason);
    }

    [Fact]
    public async Task RunOnce_PermanentFailureWithDefaultOptions_DeadLettersAtTheFirstAttempt()
    {
        var writer = new ScriptedWriter("erp", DeliveryResult.PermanentFailure("422 Unprocessable Entity"));
        await EnqueueAsync();

        var pass = await Dispatcher(writer, o => o.PermanentFailureMaxAttempts = new OutboxDispatcherOptions().PermanentFailureMaxAttempts).RunOnceAsync();

        Assert.Equal(1, pass.DeadLettered);
        var deadLetter = Assert.Single(await _store.ListAsync());
        Assert.Equal(DeliveryErrorCodes.PermanentFailure, deadLetter.ErrorCode);
        Assert.Equal("422 Unprocessable Entity", deadLetter.Reason);
        Assert.Equal(1, deadLetter.Message.AttemptCount);
    }

    [Fact]
    public async Task RunOnce_WriterThrows_RetriesAsATransientFailure()
    {
        var writer = new ScriptedWriter("erp", new InvalidOperationException("socket closed"), DeliveryResult.Delivered);
        var dispatcher = Dispatcher(writer);
        await EnqueueAsync();

        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Retried);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Delivered);
        Assert.Equal("CNX5004 InvalidOperationException: socket closed", writer.Calls[1].LastError);
    }

    [Fact]
    public async Task RunOnce_UnknownDestination_DeadLettersWithItsCode()
    {
        await EnqueueAsync("nowhere");

        await Dispatcher(new ScriptedWriter("erp", DeliveryResult.Delivered)).RunOnceAsync();

        var deadLetter = Assert.Single(await _store.ListAsync());
        Assert.Equal(DeliveryErrorCodes.UnknownDestination, deadLetter.ErrorCode);
        Assert.Equal("No destination writer is registered for 'nowhere'.", deadLetter.Reason);
    }

    [Fact]
    public async Task RunOnce_FailingKey_OtherKeysKeepFlowing()
    {
        var writer = new ScriptedWriter("erp", m => m.EntityKey == "bad" ? DeliveryResult.TransientFailure("503") : DeliveryResult.Delivered);
        var dispatcher = Dispatcher(writer, o => o.MaxAttempts = 10);
        await EnqueueAsync(key: "bad");
        await EnqueueAsync(key: "bad");
        for (var i = 0; i < 5; i++)
        {
            await EnqueueAsync(key: $"good-{i}");
        }

        await dispatcher.RunOnceAsync();
        await dispatcher.RunOnceAsync();

        Assert.Equal(5, writer.Calls.Count(c => c.EntityKey != "bad"));
        Assert.Equal(1, writer.Calls.Count(c => c.EntityKey == "bad"));
        Assert.Equal(2, (await _store.GetStatisticsAsync()).PendingCount);
    }

    [Fact]
    public async Task Pause_StopsOneDestinationUntilResumed()
    {
        var writer = new ScriptedWriter("erp", DeliveryResult.Delivered);
        var dispatcher = Dispatcher(writer);
        await EnqueueAsync();

        await dispatcher.PauseAsync("erp");
        Assert.Equal(0, (await dispatcher.RunOnceAsync()).Claimed);
        await dispatcher.ResumeAsync("erp");

        Assert.Equal(1, (await dispatcher.RunOnceAsync()).Delivered);
    }

    [Fact]
    public async Task RunOnce_LeaseLostWhileWriting_TheStaleCompletionIsRefused()
    {
        // The lease is lost because the stale dispatcher cannot renew it (its store calls fail), as after a long pause.
        var (slow, entered, gate) = GatedWriter();
        var fast = new ScriptedWriter("erp", DeliveryResult.Delivered);
        var stale = new OutboxDispatcher(
            new RenewalCountingStore(_store, failures: int.MaxValue),
            [slow],
            Options.Create(new OutboxDispatcherOptions { Owner = "stale", LeaseDuration = TimeSpan.FromSeconds(30) }),
            _time);
        var live = Dispatcher(fast, o => o.LeaseDuration = TimeSpan.FromSeconds(30), "live");
        await EnqueueAsync();

        var stalePass = stale.RunOnceAsync().AsTask();
        await entered.Task;
        _time.Advance(TimeSpan.FromSeconds(30));
        var livePass = await live.RunOnceAsync();
        gate.SetResult();

        Assert.Equal(1, livePass.Delivered);
        Assert.Equal(new OutboxDispatchResult(1, 0, 0, 0, 1), await stalePass);
    }

    [Fact]
    public async Task Cleanup_DeletesDeliveredMessagesOlderThanTheRetentionInBatches()
    {
        var dispatcher = Dispatcher(new ScriptedWriter("erp", DeliveryResult.Delivered), o =>
        {
            o.DeliveredRetention = TimeSpan.FromDays(1);
            o.CleanupBatchSize = 2;
        });
        for (var i = 0; i < 5; i++)
        {
            await EnqueueAsync();
        }

        await dispatcher.RunOnceAsync();
        Assert.Equal(0, await dispatcher.CleanupAsync());
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(5, await dispatcher.CleanupAsync());
    }

    [Fact]
    public async Task RunOnce_MessageEnqueuedInATrace_DeliveryActivityJoinsThatTrace()
    {
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ConnectivityDiagnostics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("test.producer");
        using var producerListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "test.producer",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(producerListener);

        OutboxMessage message;
        ActivityTraceId traceId;
        using (var producer = source.StartActivity("sync customer"))
        {
            Assert.NotNull(producer);
            traceId = producer.TraceId;
            message = new OutboxMessage(Guid.NewGuid(), "erp", "{}"u8.ToArray());
        }

        Assert.Equal($"00-{traceId}-", message.Headers[OutboxMessage.TraceParentHeader][..36]);
        await _store.EnqueueAsync([message]);
        await Dispatcher(new ScriptedWriter("erp", DeliveryResult.Delivered)).RunOnceAsync();

        var delivery = Assert.Single(started, a => a.OperationName == "outbox deliver");
        Assert.Equal(traceId, delivery.TraceId);
        Assert.Equal(message.Id.ToString(), delivery.GetTagItem("messaging.message.id"));
    }

    /// <summary>A writer that says when a delivery started and delivers when the gate opens.</summary>
    private static (ScriptedWriter Writer, TaskCompletionSource Started, TaskCompletionSource Gate) GatedWriter()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new ScriptedWriter("erp", async _ =>
        {
            started.SetResult();
            await gate.Task;
            return DeliveryResult.Delivered;
        });
        return (writer, started, gate);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, "timed out");
            await Task.Delay(10);
        }
    }

    /// <summary>The in-memory outbox, counting lease renewals that extended a lease, after failing the first <c>failures</c> of them.</summary>
    private sealed class RenewalCountingStore(InMemoryOutboxStore inner, int failures = 0) : DelegatingOutboxStore(inner)
    {
        private int _renewals;
        private int _attempts;

        public int Renewals => Volatile.Read(ref _renewals);

        public int Attempts => Volatile.Read(ref _attempts);

        public override async ValueTask<int> RenewLeasesAsync(IReadOnlyCollection<ClaimedOutboxMessage> claims, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _attempts) <= failures)
            {
                throw new IOException("database is locked");
            }

            var renewed = await base.RenewLeasesAsync(claims, expiresAt, cancellationToken);
            Interlocked.Add(ref _renewals, renewed);
            return renewed;
        }
    }

    private sealed class ScriptedWriter : IDestinationWriter
    {
        private readonly Func<OutboxMessage, ValueTask<DeliveryResult>> _script;

        public ScriptedWriter(string destination, params object[] results)
        {
            Destination = destination;
            var index = 0;
            _script = _ =>
            {
                var next = results[Math.Min(index++, results.Length - 1)];
                return next is Exception ex ? throw ex : new ValueTask<DeliveryResult>((DeliveryResult)next);
            };
        }

        public ScriptedWriter(string destination, Func<OutboxMessage, DeliveryResult> script)
        {
            Destination = destination;
            _script = m => new ValueTask<DeliveryResult>(script(m));
        }

        public ScriptedWriter(string destination, Func<OutboxMessage, Task<DeliveryResult>> script)
        {
            Destination = destination;
            _script = m => new ValueTask<DeliveryResult>(script(m));
        }

        public string Destination { get; }

        public List<OutboxMessage> Calls { get; } = [];

        public ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(message);
            }

            return _script(message);
        }
    }
}
