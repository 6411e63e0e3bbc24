using System.Text;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;

namespace Connectivity.Core.Tests.ChangeTracking;

/// <summary>The behaviour every <see cref="IBaseSnapshotStore"/> must have. A store package derives from this class and supplies the factory.</summary>
public abstract class BaseSnapshotStoreConformanceTests
{
    private static readonly RecordKey Key = new("crm", "customer", "c1");

    protected abstract IBaseSnapshotStore CreateStore();

    /// <summary>Creates a factory for the transactions of the store's provider, on the same storage as <see cref="CreateStore"/>.</summary>
    protected abstract IStoreTransactionFactory CreateTransactionFactory();

    private static BaseSnapshot Snapshot(string json, long? version = null) => new(Encoding.UTF8.GetBytes(json), 0, version, null);

    [Fact]
    public async Task GetAsync_NothingSaved_ReturnsNull()
        => Assert.Null(await CreateStore().GetAsync(Key));

    [Fact]
    public async Task TrySaveAsync_First_SavesRevisionOneWithClock()
    {
        var store = CreateStore();

        Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":1}""", 7), 0));

        var stored = await store.GetAsync(Key);
        Assert.Equal((1L, 7L, """{"a":1}"""), (stored!.Revision, stored.SourceVersion!.Value, Encoding.UTF8.GetString(stored.Utf8Json.Span)));
    }

    [Fact]
    public async Task TrySaveAsync_WrongExpectedRevision_RefusedAndKeepsStored()
    {
        var store = CreateStore();
        await store.TrySaveAsync(Key, Snapshot("""{"a":1}"""), 0);

        Assert.False(await store.TrySaveAsync(Key, Snapshot("""{"a":2}"""), 0));
        Assert.False(await store.TrySaveAsync(Key, Snapshot("""{"a":2}"""), 5));
        Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":3}"""), 1));
        Assert.Equal(2, (await store.GetAsync(Key))!.Revision);
    }

    [Fact]
    public async Task TrySaveAsync_ConcurrentSavesOfSameRevision_ExactlyOneWins()
    {
        var store = CreateStore();
        await store.TrySaveAsync(Key, Snapshot("{}"), 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () => await store.TrySaveAsync(Key, Snapshot($$"""{"i":{{i}}}"""), 1))));

        Assert.Equal(1, results.Count(static r => r));
    }

    [Fact]
    public async Task RemoveAsync_Saved_RemovesOnlyThatKey()
    {
        var store = CreateStore();
        var other = new RecordKey("erp", "customer", "c1");
        await store.TrySaveAsync(Key, Snapshot("{}"), 0);
        await store.TrySaveAsync(other, Snapshot("{}"), 0);

        Assert.True(await store.RemoveAsync(Key));
        Assert.False(await store.RemoveAsync(Key));
        Assert.Null(await store.GetAsync(Key));
        Assert.NotNull(await store.GetAsync(other));
    }

    [Fact]
    public async Task TrySaveAsync_FirstInTransactionDisposedWithoutCommit_LeavesNothing()
    {
        var store = CreateStore();

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":1}"""), 0, transaction));
        }

        Assert.Null(await store.GetAsync(Key));
        Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":2}"""), 0));
        Assert.Equal(1, (await store.GetAsync(Key))!.Revision);
    }

    [Fact]
    public async Task TrySaveAndRemoveAsync_InTransactionDisposedWithoutCommit_KeepStoredRevision()
    {
        var store = CreateStore();
        await store.TrySaveAsync(Key, Snapshot("""{"a":1}""", 3), 0);

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":2}""", 4), 1, transaction));
            Assert.True(await store.RemoveAsync(Key, transaction));
        }

        var stored = await store.GetAsync(Key);
        Assert.Equal((1L, 3L, """{"a":1}"""), (stored!.Revision, stored.SourceVersion!.Value, Encoding.UTF8.GetString(stored.Utf8Json.Span)));
        Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":3}"""), 1));
    }

    [Fact]
    public async Task TrySaveAndRemoveAsync_InTransactionCommitted_Applied()
    {
        var store = CreateStore();
        var other = new RecordKey("erp", "customer", "c1");
        await store.TrySaveAsync(other, Snapshot("{}"), 0);

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":1}"""), 0, transaction));
            Assert.True(await store.TrySaveAsync(Key, Snapshot("""{"a":2}"""), 1, transaction));
            Assert.False(await store.TrySaveAsync(Key, Snapshot("""{"a":3}"""), 1, transaction));
            Assert.True(await store.RemoveAsync(other, transaction));
            await transaction.CommitAsync();
        }

        var stored = await store.GetAsync(Key);
        Assert.Equal((2L, """{"a":2}"""), (stored!.Revision, Encoding.UTF8.GetString(stored.Utf8Json.Span)));
        Assert.Null(await store.GetAsync(other));
    }

    [Fact]
    public async Task WritingMethods_TransactionOfAnotherProvider_ThrowArgumentExceptionAndWriteNothing()
    {
        var store = CreateStore();
        var other = new RecordKey("erp", "customer", "c1");
        await store.TrySaveAsync(other, Snapshot("{}"), 0);
        await using var foreign = new ForeignTransaction();

        Assert.Equal("transaction", (await Assert.ThrowsAsync<ArgumentException>(async () => await store.TrySaveAsync(Key, Snapshot("{}"), 0, foreign))).ParamName);
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.RemoveAsync(other, foreign));

        Assert.Null(await store.GetAsync(Key));
        Assert.NotNull(await store.GetAsync(other));
    }

    /// <summary>A transaction of no store provider, which every store must refuse.</summary>
    private sealed class ForeignTransaction : IStoreTransaction
    {
        public ValueTask CommitAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class InMemoryBaseSnapshotStoreTests : BaseSnapshotStoreConformanceTests
{
    protected override IBaseSnapshotStore CreateStore() => new InMemoryBaseSnapshotStore();

    protected override IStoreTransactionFactory CreateTransactionFactory() => new InMemoryStoreTransactionFactory();
}
