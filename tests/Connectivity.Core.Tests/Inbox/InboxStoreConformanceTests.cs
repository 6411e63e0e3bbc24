using Connectivity.Delivery;
using Connectivity.Inbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Inbox;

/// <summary>The contract of <see cref="IInboxStore"/>; every store provider runs it.</summary>
public abstract class InboxStoreConformanceTests : IDisposable
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected InboxOptions Options { get; } = new() { DeduplicationWindow = TimeSpan.FromHours(24) };

    /// <summary>Creates the store under test; repeated calls share one storage.</summary>
    protected abstract IInboxStore CreateStore(IOptions<InboxOptions> options);

    /// <summary>Creates the transaction factory of the same provider and storage.</summary>
    protected abstract IStoreTransactionFactory CreateTransactionFactory();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private IInboxStore Store() => CreateStore(Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public async Task TryAccept_FirstDelivery_IsAccepted()
    {
        var result = await Store().TryAcceptAsync("crm", "evt-1");

        Assert.Equal(new InboxResult(InboxOutcome.Accepted, Time.GetUtcNow()), result);
        Assert.Null(result.ErrorCode);
    }

    [Fact]
    public async Task TryAccept_SameSourceAndIdWithinTheWindow_IsADuplicate()
    {
        var store = Store();
        var first = Time.GetUtcNow();
        await store.TryAcceptAsync("crm", "evt-1");
        Time.Advance(TimeSpan.FromHours(23));

        var again = await store.TryAcceptAsync("crm", "evt-1");

        Assert.True(again.IsDuplicate);
        Assert.Equal(first, again.FirstReceivedAt);
        Assert.Equal(DeliveryErrorCodes.DuplicateDelivery, again.ErrorCode);
    }

    [Fact]
    public async Task TryAccept_SameIdFromAnotherSource_IsAccepted()
    {
        var store = Store();
        await store.TryAcceptAsync("crm", "evt-1");

        Assert.False((await store.TryAcceptAsync("erp", "evt-1")).IsDuplicate);
    }

    [Fact]
    public async Task TryAccept_AfterTheWindow_IsAcceptedAgain()
    {
        var store = Store();
        await store.TryAcceptAsync("crm", "evt-1");
        Time.Advance(Options.DeduplicationWindow);

        Assert.False((await store.TryAcceptAsync("crm", "evt-1")).IsDuplicate);
        Assert.True((await store.TryAcceptAsync("crm", "evt-1")).IsDuplicate);
    }

    [Fact]
    public async Task TryAccept_InATransactionRolledBack_LeavesNoMark()
    {
        var store = Store();
        var transactions = CreateTransactionFactory();
        await using (var transaction = await transactions.BeginTransactionAsync())
        {
            Assert.False((await store.TryAcceptAsync("crm", "evt-1", transaction)).IsDuplicate);
        }

        await using (var transaction = await transactions.BeginTransactionAsync())
        {
            Assert.False((await store.TryAcceptAsync("crm", "evt-1", transaction)).IsDuplicate);
            await transaction.CommitAsync();
        }

        Assert.True((await store.TryAcceptAsync("crm", "evt-1")).IsDuplicate);
    }

    [Fact]
    public async Task TryAccept_ConcurrentDeliveriesOfOneMessage_ExactlyOneAccepted()
    {
        var store = Store();
        using var start = new ManualResetEventSlim();
        var deliveries = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await store.TryAcceptAsync("crm", "evt-1");
        })).ToArray();
        start.Set();

        var results = await Task.WhenAll(deliveries);

        Assert.Equal(1, results.Count(r => !r.IsDuplicate));
    }

    [Fact]
    public async Task PurgeExpired_DeletesOnlyRecordsOlderThanTheWindow()
    {
        var store = Store();
        await store.TryAcceptAsync("crm", "old-1");
        await store.TryAcceptAsync("crm", "old-2");
        Time.Advance(Options.DeduplicationWindow);
        await store.TryAcceptAsync("crm", "new");

        Assert.Equal(1, await store.PurgeExpiredAsync(1));
        Assert.Equal(1, await store.PurgeExpiredAsync(10));
        Assert.Equal(0, await store.PurgeExpiredAsync(10));
        Assert.True((await store.TryAcceptAsync("crm", "new")).IsDuplicate);
    }
}
