using System.Text;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Tests.Fakes;

/// <summary>The real outbox dispatcher against a fake system: what the fakes are for.</summary>
public sealed class FakeSystemOutboxTests
{
    private readonly FakeSystem _crm = new("crm");
    private readonly InMemoryOutboxStore _store;
    private readonly OutboxDispatcher _dispatcher;
    private readonly FakeDestinationWriter _writer;

    public FakeSystemOutboxTests()
    {
        _store = new InMemoryOutboxStore(Clock);
        _writer = _crm.Writer("crm-customers", "customer");
        var options = new OutboxDispatcherOptions { Owner = "d1", BatchSize = 10, MaxAttempts = 10, BaseRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        _dispatcher = new OutboxDispatcher(_store, [_writer], Options.Create(options), Clock);
    }

    private FakeTimeProvider Clock => (FakeTimeProvider)_crm.TimeProvider;

    private async Task<List<OutboxMessage>> EnqueueCustomersAsync(int count)
    {
        var messages = Enumerable.Range(1, count)
            .Select(i => new OutboxMessage(Guid.NewGuid(), "crm-customers", Encoding.UTF8.GetBytes($$"""{"externalId":"c-{{i}}","name":"Customer {{i}}"}"""), entityKey: $"c-{i}"))
            .ToList();
        await _store.EnqueueAsync(messages);
        return messages;
    }

    private async Task DrainAsync()
    {
        for (var pass = 0; pass < 500 && (await _store.GetStatisticsAsync()).PendingCount > 0; pass++)
        {
            await _dispatcher.RunOnceAsync();
            Clock.Advance(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task RunOnce_TransientFailureEveryThirdCallAndRateLimits_DeliversEveryMessageExactlyOnce()
    {
        _crm.Faults.TransientFailureEvery = 3;
        _crm.Faults.RateLimitEvery = 5;
        _crm.Faults.TimeoutEvery = 11;
        var messages = await EnqueueCustomersAsync(40);

        await DrainAsync();

        Assert.Equal(0, (await _store.GetStatisticsAsync()).PendingCount);
        Assert.Empty(await _store.ListAsync());
        _crm.AssertRecordCount("customer", 40);
        _crm.AssertNoDuplicates("customer", "externalId");
        Assert.Equal(40, messages.Select(m => _writer.RemoteIdOf(m.Id)).Distinct().Count(id => id is not null));
        Assert.Contains(_writer.Attempts, a => a.Fault == FakeFault.TransientFailure);
        Assert.Contains(_writer.Attempts, a => a.Fault == FakeFault.RateLimit);
        Assert.Contains(_writer.Attempts, a => a.Fault == FakeFault.Timeout);
    }

    [Fact]
    public async Task RunOnce_AmbiguousOutcomeDeadLetteredThenReplayed_LeavesOneRecord()
    {
        _crm.Faults.AmbiguousOutcomeEvery = 1;
        var message = Assert.Single(await EnqueueCustomersAsync(1));

        await _dispatcher.RunOnceAsync();
        var deadLetter = Assert.Single(await _store.ListAsync());
        Assert.Equal("CNX6003", deadLetter.ErrorCode);
        _crm.AssertRecordCount("customer", 1);

        _crm.Faults.AmbiguousOutcomeEvery = 0;
        Assert.True(await _store.ReplayAsync(message.Id, "operator"));
        await DrainAsync();

        _crm.AssertRecordCount("customer", 1);
        Assert.Equal([FakeFault.AmbiguousOutcome, FakeFault.None], _writer.Attempts.Select(a => a.Fault));
        Assert.Equal([true, false], _writer.Attempts.Select(a => a.Applied));
    }
}
