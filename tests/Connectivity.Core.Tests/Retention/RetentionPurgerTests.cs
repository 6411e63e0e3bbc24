using System.Text;
using Connectivity.Idempotency;
using Connectivity.Inbox;
using Connectivity.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Retention;

public sealed class RetentionPurgerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PurgeAsync_ExpiredInboxAndIdempotencyRecords_DeletedInBatchesFreshOnesKept()
    {
        await using var provider = Build(o => o.BatchSize = 2);
        var inbox = provider.GetRequiredService<IInboxStore>();
        var idempotency = provider.GetRequiredService<IIdempotencyStore>();
        for (var i = 0; i < 5; i++)
        {
            await inbox.TryAcceptAsync("crm", $"old-{i}");
        }

        var key = await idempotency.TryBeginAsync("old-key", "fp");
        Assert.True(await idempotency.CompleteAsync("old-key", key.LeaseToken!, Encoding.UTF8.GetBytes("{}")));
        _time.Advance(TimeSpan.FromDays(400));
        await inbox.TryAcceptAsync("crm", "fresh");
        var purger = provider.GetRequiredService<RetentionPurger>();

        var results = await purger.PurgeAsync();
        var again = await purger.PurgeAsync();

        Assert.Equal(5, Result(results, nameof(InMemoryInboxStore)).Deleted);
        Assert.Equal(1, Result(results, nameof(InMemoryIdempotencyStore)).Deleted);
        Assert.All(results, r => Assert.False(r.MoreLeft));
        Assert.All(again, r => Assert.Equal(0, r.Deleted));
        Assert.Equal(InboxOutcome.Duplicate, (await inbox.TryAcceptAsync("crm", "fresh")).Outcome);
    }

    [Fact]
    public async Task PurgeAsync_MoreThanTheRunsBound_StopsSaysMoreLeftAndTheNextRunGoesOn()
    {
        await using var provider = Build(o => (o.BatchSize, o.MaxBatchesPerStore) = (2, 2));
        var inbox = provider.GetRequiredService<IInboxStore>();
        for (var i = 0; i < 5; i++)
        {
            await inbox.TryAcceptAsync("crm", $"old-{i}");
        }

        _time.Advance(TimeSpan.FromDays(400));
        var purger = provider.GetRequiredService<RetentionPurger>();

        var first = Result(await purger.PurgeAsync(), nameof(InMemoryInboxStore));
        var second = Result(await purger.PurgeAsync(), nameof(InMemoryInboxStore));

        Assert.Equal((4, true), (first.Deleted, first.MoreLeft));
        Assert.Equal((1, false), (second.Deleted, second.MoreLeft));
    }

    [Fact]
    public async Task PurgeAsync_OneStoreFails_TheOthersArePurgedAndTheFailureReported()
    {
        var failing = new CountingStore(new InvalidOperationException("database is locked"));
        var counting = new CountingStore(null);
        await using var provider = Build(configure: null, services => services.AddSingleton<IExpiringStore>(failing).AddSingleton<IExpiringStore>(counting));
        var purger = provider.GetRequiredService<RetentionPurger>();

        var results = await purger.PurgeAsync();

        Assert.Equal(4, purger.Stores.Count);
        Assert.Contains(results, r => r.Error is InvalidOperationException { Message: "database is locked" });
        Assert.Equal(1, counting.Calls);
        Assert.Equal(1, failing.Calls);
        Assert.Equal(3, results.Count(r => r.Error is null));
    }

    [Fact]
    public async Task HostedService_EachInterval_PurgesUntilTheHostStops()
    {
        var counting = new CountingStore(null);
        await using var provider = Build(o => o.Interval = TimeSpan.FromMinutes(10), services => services.AddSingleton<IExpiringStore>(counting));
        var hosted = provider.GetServices<IHostedService>().Single(h => h.GetType().Name == "RetentionPurgeHostedService");
        await hosted.StartAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(100);
        var beforeInterval = counting.Calls;
        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitFor(() => counting.Calls == 1);
        _time.Advance(TimeSpan.FromMinutes(10));
        await WaitFor(() => counting.Calls == 2);
        await hosted.StopAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(100);

        Assert.Equal(0, beforeInterval);
        Assert.Equal(2, counting.Calls);
    }

    [Theory]
    [InlineData(0, 1, 60)]
    [InlineData(1, 0, 60)]
    [InlineData(1, 1, 0)]
    public async Task Options_NotPositive_FailValidation(int batchSize, int maxBatches, int intervalSeconds)
    {
        await using var provider = Build(o => (o.BatchSize, o.MaxBatchesPerStore, o.Interval) = (batchSize, maxBatches, TimeSpan.FromSeconds(intervalSeconds)));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<RetentionPurgeOptions>>().CurrentValue);
    }

    private static RetentionPurgeResult Result(IReadOnlyList<RetentionPurgeResult> results, string store) => Assert.Single(results, r => r.Store == store);

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 5_000, "the purge did not run");
            await Task.Delay(10);
        }
    }

    private ServiceProvider Build(Action<RetentionPurgeOptions>? configure, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddConnectivity().AddInMemoryStores().AddInMemoryOwnershipStores().AddRetentionPurge(configure);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class CountingStore(Exception? failure) : IExpiringStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return failure is null ? ValueTask.FromResult(0) : ValueTask.FromException<int>(failure);
        }
    }
}
