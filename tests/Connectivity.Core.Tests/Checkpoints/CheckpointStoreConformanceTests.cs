using Connectivity.Checkpoints;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Checkpoints;

/// <summary>The contract of <see cref="ICheckpointStore"/>; every store provider runs it.</summary>
public abstract class CheckpointStoreConformanceTests : IDisposable
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Creates the store under test; repeated calls share one storage.</summary>
    protected abstract ICheckpointStore CreateStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public async Task Get_NothingSaved_ReturnsNull()
    {
        Assert.Null(await CreateStore().GetAsync(new CheckpointKey("crm", "accounts")));
    }

    [Fact]
    public async Task Save_ThenGet_ReturnsTheLatestCursorWithItsTime()
    {
        var store = CreateStore();
        var key = new CheckpointKey("crm", "accounts", "company-1");
        await store.SaveAsync(key, "2026-03-01T07:00:00Z");
        Time.Advance(TimeSpan.FromMinutes(5));

        await store.SaveAsync(key, "2026-03-01T07:05:00Z");

        Assert.Equal(new Checkpoint(key, "2026-03-01T07:05:00Z", Time.GetUtcNow()), await store.GetAsync(key));
    }

    [Fact]
    public async Task Save_KeepsOneCursorPerConnectorStreamAndPartition()
    {
        var store = CreateStore();
        await store.SaveAsync(new CheckpointKey("crm", "accounts", "p1"), "a");
        await store.SaveAsync(new CheckpointKey("crm", "accounts", "p2"), "b");
        await store.SaveAsync(new CheckpointKey("crm", "contacts"), "c");
        await store.SaveAsync(new CheckpointKey("erp", "accounts", "p1"), "d");

        var crm = await store.ListAsync("crm");

        Assert.Equal(["a", "b", "c"], crm.Select(c => c.Cursor));
        Assert.Equal("d", (await store.GetAsync(new CheckpointKey("erp", "accounts", "p1")))!.Cursor);
    }

    [Fact]
    public void CheckpointKey_EmptyConnector_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CheckpointKey(" ", "accounts"));
    }
}
