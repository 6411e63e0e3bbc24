using Connectivity.ChangeTracking;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.ChangeTracking;

/// <summary>The behaviour every <see cref="IEchoFingerprintStore"/> must have. A store package derives from this class and supplies the factory.</summary>
public abstract class EchoFingerprintStoreConformanceTests
{
    private static readonly RecordKey Key = new("erp", "customer", "c1");

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Creates the store with a time to live of 10 minutes and at most 3 fingerprints per record, on <see cref="Time"/>.</summary>
    protected abstract IEchoFingerprintStore CreateStore();

    private EchoFingerprint Fingerprint(long hash, RecordKey? key = null) => new(key ?? Key, ["name"], hash, Time.GetUtcNow());

    [Fact]
    public async Task GetAsync_AfterAdd_ReturnsNewestFirst()
    {
        var store = CreateStore();
        await store.AddAsync(Fingerprint(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.AddAsync(Fingerprint(2));

        Assert.Equal([2L, 1L], (await store.GetAsync(Key)).Select(static f => f.Hash));
        Assert.Empty(await store.GetAsync(new RecordKey("crm", "customer", "c1")));
    }

    [Fact]
    public async Task GetAsync_OlderThanTimeToLive_NotReturned()
    {
        var store = CreateStore();
        await store.AddAsync(Fingerprint(1));
        Time.Advance(TimeSpan.FromMinutes(6));
        await store.AddAsync(Fingerprint(2));
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal([2L], (await store.GetAsync(Key)).Select(static f => f.Hash));
        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Empty(await store.GetAsync(Key));
    }

    [Fact]
    public async Task AddAsync_MoreThanPerRecordBound_KeepsNewest()
    {
        var store = CreateStore();
        for (var i = 1; i <= 5; i++)
        {
            await store.AddAsync(Fingerprint(i));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([5L, 4L, 3L], (await store.GetAsync(Key)).Select(static f => f.Hash));
    }

    [Fact]
    public async Task RemoveAsync_UpToTime_ForgetsThatAndOlderOnly()
    {
        var store = CreateStore();
        await store.AddAsync(Fingerprint(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = Fingerprint(2);
        await store.AddAsync(second);
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.AddAsync(Fingerprint(3));

        await store.RemoveAsync(Key, second.WrittenAt);

        Assert.Equal([3L], (await store.GetAsync(Key)).Select(static f => f.Hash));
        await store.RemoveAsync(Key, Time.GetUtcNow());
        Assert.Empty(await store.GetAsync(Key));
    }
}

public sealed class InMemoryEchoFingerprintStoreTests : EchoFingerprintStoreConformanceTests
{
    protected override IEchoFingerprintStore CreateStore()
        => new InMemoryEchoFingerprintStore(Time, new EchoGuardOptions { TimeToLive = TimeSpan.FromMinutes(10), MaxFingerprintsPerRecord = 3, MaxRecords = 100 });

    [Fact]
    public async Task AddAsync_MoreRecordsThanBound_ForgetsLeastRecentlyWritten()
    {
        var store = new InMemoryEchoFingerprintStore(Time, new EchoGuardOptions { MaxRecords = 10 });
        for (var i = 0; i < 25; i++)
        {
            await store.AddAsync(new EchoFingerprint(new RecordKey("erp", "customer", $"c{i}"), ["name"], i, Time.GetUtcNow()));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10, store.Count);
        Assert.Empty(await store.GetAsync(new RecordKey("erp", "customer", "c0")));
        Assert.Single(await store.GetAsync(new RecordKey("erp", "customer", "c24")));
    }
}
