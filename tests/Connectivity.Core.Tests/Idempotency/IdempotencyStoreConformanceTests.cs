using System.Text;
using Connectivity.Delivery;
using Connectivity.Idempotency;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Idempotency;

/// <summary>The contract of <see cref="IIdempotencyStore"/>; every store provider runs it.</summary>
public abstract class IdempotencyStoreConformanceTests : IDisposable
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected IdempotencyOptions Options { get; } = new() { Expiry = TimeSpan.FromDays(7), InFlightTimeout = TimeSpan.FromMinutes(5) };

    /// <summary>Creates the store under test with <see cref="Options"/> and <see cref="Time"/>; repeated calls share one storage.</summary>
    protected abstract IIdempotencyStore CreateStore(IOptions<IdempotencyOptions> options);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private IIdempotencyStore Store() => CreateStore(Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public async Task TryBegin_NewKey_ReturnsNewWithAToken()
    {
        var result = await Store().TryBeginAsync("create-customer-42", "fp1");

        Assert.Equal(IdempotencyOutcome.New, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.LeaseToken));
        Assert.Null(result.ErrorCode);
        Assert.Equal(Time.GetUtcNow() + Options.Expiry, result.ExpiresAt);
    }

    [Fact]
    public async Task TryBegin_SameKeyAndFingerprintAfterCompletion_ReturnsTheStoredResult()
    {
        var store = Store();
        var first = await store.TryBeginAsync("k", "fp1");
        Assert.True(await store.CompleteAsync("k", first.LeaseToken!, Encoding.UTF8.GetBytes("{\"id\":\"ERP-7\"}")));

        var replay = await store.TryBeginAsync("k", "fp1");

        Assert.Equal(IdempotencyOutcome.Completed, replay.Outcome);
        Assert.Equal("{\"id\":\"ERP-7\"}", Encoding.UTF8.GetString(replay.StoredResult.Span));
        Assert.Null(replay.LeaseToken);
    }

    [Fact]
    public async Task TryBegin_SameKeyDifferentFingerprint_ReturnsMismatch()
    {
        var store = Store();
        var first = await store.TryBeginAsync("k", "fp1");

        var inFlight = await store.TryBeginAsync("k", "fp2");
        await store.CompleteAsync("k", first.LeaseToken!, "r"u8.ToArray());
        var completed = await store.TryBeginAsync("k", "fp2");

        Assert.Equal(IdempotencyOutcome.Mismatch, inFlight.Outcome);
        Assert.Equal(IdempotencyOutcome.Mismatch, completed.Outcome);
        Assert.Equal(DeliveryErrorCodes.IdempotencyMismatch, completed.ErrorCode);
        Assert.True(completed.StoredResult.IsEmpty);
    }

    [Fact]
    public async Task TryBegin_WhileHeld_ReturnsInFlightUntilTheHolderTimesOut()
    {
        var store = Store();
        var holder = await store.TryBeginAsync("k", "fp");

        var second = await store.TryBeginAsync("k", "fp");
        Time.Advance(Options.InFlightTimeout);
        var takeover = await store.TryBeginAsync("k", "fp");

        Assert.Equal(IdempotencyOutcome.InFlight, second.Outcome);
        Assert.Equal(DeliveryErrorCodes.IdempotencyInFlight, second.ErrorCode);
        Assert.Equal(IdempotencyOutcome.New, takeover.Outcome);
        Assert.False(await store.CompleteAsync("k", holder.LeaseToken!, "late"u8.ToArray()));
        Assert.True(await store.CompleteAsync("k", takeover.LeaseToken!, "ok"u8.ToArray()));
    }

    [Fact]
    public async Task TryBegin_AfterExpiry_TreatsTheKeyAsNew()
    {
        var store = Store();
        var first = await store.TryBeginAsync("k", "fp1");
        await store.CompleteAsync("k", first.LeaseToken!, "r"u8.ToArray());

        Time.Advance(Options.Expiry - TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyOutcome.Completed, (await store.TryBeginAsync("k", "fp1")).Outcome);
        Time.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await store.TryBeginAsync("k", "fp2");

        Assert.Equal(IdempotencyOutcome.New, afterExpiry.Outcome);
    }

    [Fact]
    public async Task Abandon_LetsTheNextCallerProceed()
    {
        var store = Store();
        var first = await store.TryBeginAsync("k", "fp");

        Assert.True(await store.AbandonAsync("k", first.LeaseToken!));
        Assert.False(await store.AbandonAsync("k", first.LeaseToken!));
        Assert.Equal(IdempotencyOutcome.New, (await store.TryBeginAsync("k", "fp")).Outcome);
    }

    [Fact]
    public async Task Complete_Twice_SecondIsRefused()
    {
        var store = Store();
        var first = await store.TryBeginAsync("k", "fp");

        Assert.True(await store.CompleteAsync("k", first.LeaseToken!, "one"u8.ToArray()));
        Assert.False(await store.CompleteAsync("k", first.LeaseToken!, "two"u8.ToArray()));
        Assert.Equal("one", Encoding.UTF8.GetString((await store.TryBeginAsync("k", "fp")).StoredResult.Span));
    }

    [Fact]
    public async Task TryBegin_FiftyConcurrentCallersWithOneKey_ExactlyOneProceeds()
    {
        var store = Store();
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await store.TryBeginAsync("one-key", "fp");
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, results.Count(r => r.Outcome == IdempotencyOutcome.New));
        Assert.Equal(49, results.Count(r => r.Outcome == IdempotencyOutcome.InFlight));
    }

    [Fact]
    public async Task PurgeExpired_DeletesOnlyExpiredRecordsInBoundedBatches()
    {
        var store = Store();
        for (var i = 0; i < 3; i++)
        {
            await store.TryBeginAsync($"old-{i}", "fp");
        }

        Time.Advance(Options.Expiry);
        var fresh = await store.TryBeginAsync("fresh", "fp");

        Assert.Equal(2, await store.PurgeExpiredAsync(2));
        Assert.Equal(1, await store.PurgeExpiredAsync(2));
        Assert.Equal(0, await store.PurgeExpiredAsync(2));
        Assert.Equal(IdempotencyOutcome.InFlight, (await store.TryBeginAsync("fresh", "fp")).Outcome);
        Assert.Equal(IdempotencyOutcome.New, fresh.Outcome);
    }
}
