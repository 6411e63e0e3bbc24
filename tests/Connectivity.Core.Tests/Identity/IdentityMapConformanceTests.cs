using Connectivity.Delivery;
using Connectivity.Identity;

namespace Connectivity.Core.Tests.Identity;

/// <summary>The behaviour every <see cref="IIdentityMap"/> must have. A store package derives from this class and supplies the factory.</summary>
public abstract class IdentityMapConformanceTests
{
    protected abstract IIdentityMap CreateMap();

    /// <summary>Creates a factory for the transactions of the map's provider, on the same storage as <see cref="CreateMap"/>.</summary>
    protected abstract IStoreTransactionFactory CreateTransactionFactory();

    [Fact]
    public async Task GetOrCreateAsync_NewRemoteRecord_CreatesOnceThenReturnsSameId()
    {
        var map = CreateMap();
        var key = new RemoteKey("crm", "customer", "A-1");

        var first = await map.GetOrCreateAsync(key);
        var second = await map.GetOrCreateAsync(key);

        Assert.True(first.Created);
        Assert.Equal(new IdentityResolution(first.CanonicalId, false), second);
        Assert.Equal(first.CanonicalId, await map.FindAsync(key));
    }

    [Fact]
    public async Task GetOrCreateAsync_SameRemoteIdInOtherSystemOrEntity_DifferentIds()
    {
        var map = CreateMap();

        var ids = new[]
        {
            (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "1"))).CanonicalId,
            (await map.GetOrCreateAsync(new RemoteKey("erp", "customer", "1"))).CanonicalId,
            (await map.GetOrCreateAsync(new RemoteKey("crm", "site", "1"))).CanonicalId,
        };

        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetOrCreateAsync_EightParallelCallersTenThousandIds_ExactlyOneCanonicalIdPerRemoteId()
    {
        const int callers = 8;
        const int remoteIds = 10_000;
        var map = CreateMap();
        var results = new (string CanonicalId, bool Created)[callers][];
        using var start = new Barrier(callers);

        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = new (string, bool)[remoteIds];
            start.SignalAndWait();
            for (var i = 0; i < remoteIds; i++)
            {
                // Each caller walks the ids from a different offset so that callers collide all the way through.
                var id = (i + (caller * remoteIds / callers)) % remoteIds;
                var resolution = await map.GetOrCreateAsync(new RemoteKey("crm", "customer", $"R{id}"));
                mine[id] = (resolution.CanonicalId, resolution.Created);
            }

            results[caller] = mine;
        })));

        for (var id = 0; id < remoteIds; id++)
        {
            var seen = results.Select(r => r[id]).ToList();
            Assert.Single(seen.Select(static s => s.CanonicalId).Distinct());
            Assert.Equal(1, seen.Count(static s => s.Created));
        }

        Assert.Equal(remoteIds, results[0].Select(static r => r.CanonicalId).Distinct().Count());
    }

    [Fact]
    public async Task LinkAsync_ExistingCanonicalId_LinksAndListsInOrder()
    {
        var map = CreateMap();
        var id = (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "C-1"))).CanonicalId;

        Assert.Equal(IdentityLinkResult.Linked, await map.LinkAsync(new RemoteKey("erp", "customer", "10001"), id));
        Assert.Equal(IdentityLinkResult.AlreadyLinked, await map.LinkAsync(new RemoteKey("erp", "customer", "10001"), id));

        Assert.Equal(
            [new RemoteKey("crm", "customer", "C-1"), new RemoteKey("erp", "customer", "10001")],
            await map.ListLinksAsync("customer", id));
    }

    [Fact]
    public async Task LinkAsync_RemoteRecordLinkedElsewhere_Refused()
    {
        var map = CreateMap();
        var key = new RemoteKey("crm", "customer", "C-1");
        await map.GetOrCreateAsync(key);
        var other = (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "C-2"))).CanonicalId;

        Assert.Equal(IdentityLinkResult.LinkedElsewhere, await map.LinkAsync(key, other));
        Assert.NotEqual(other, await map.FindAsync(key));
    }

    [Fact]
    public async Task UnlinkAsync_LinkedRecord_RemovedFromBothDirections()
    {
        var map = CreateMap();
        var key = new RemoteKey("crm", "customer", "C-1");
        var id = (await map.GetOrCreateAsync(key)).CanonicalId;

        Assert.True(await map.UnlinkAsync(key));
        Assert.False(await map.UnlinkAsync(key));
        Assert.Null(await map.FindAsync(key));
        Assert.Empty(await map.ListLinksAsync("customer", id));
    }

    [Fact]
    public async Task MergeAsync_TwoRecords_SurvivorTakesLinksAndMergedIdResolvesToIt()
    {
        var map = CreateMap();
        var survivor = (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "C-1"))).CanonicalId;
        var merged = (await map.GetOrCreateAsync(new RemoteKey("erp", "customer", "10001"))).CanonicalId;
        await map.LinkAsync(new RemoteKey("service", "customer", "S-9"), merged);

        var result = await map.MergeAsync("customer", survivor, merged);

        Assert.Equal(2, result.MovedLinks.Count);
        Assert.Equal(survivor, await map.FindAsync(new RemoteKey("erp", "customer", "10001")));
        Assert.Equal(survivor, await map.ResolveAsync("customer", merged));
        Assert.Equal(3, (await map.ListLinksAsync("customer", survivor)).Count);
        Assert.Equal(3, (await map.ListLinksAsync("customer", merged)).Count);
        Assert.Equal(IdentityLinkResult.AlreadyLinked, await map.LinkAsync(new RemoteKey("erp", "customer", "10001"), merged));
    }

    [Fact]
    public async Task MergeAsync_SameRecord_Throws()
    {
        var map = CreateMap();
        var id = (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "C-1"))).CanonicalId;

        await Assert.ThrowsAsync<ArgumentException>(async () => await map.MergeAsync("customer", id, id));
    }

    [Fact]
    public async Task GetOrCreateAsync_InTransactionDisposedWithoutCommit_LeavesNoLink()
    {
        var map = CreateMap();
        var key = new RemoteKey("crm", "customer", "T-1");
        string rolledBackId;

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            var resolution = await map.GetOrCreateAsync(key, transaction);
            Assert.True(resolution.Created);
            rolledBackId = resolution.CanonicalId;
        }

        Assert.Null(await map.FindAsync(key));
        Assert.Empty(await map.ListLinksAsync("customer", rolledBackId));
        var recreated = await map.GetOrCreateAsync(key);
        Assert.True(recreated.Created);
        Assert.NotEqual(rolledBackId, recreated.CanonicalId);
    }

    [Fact]
    public async Task GetOrCreateAsync_InTransactionCommitted_LinkedOnceAndIdUsableInIt()
    {
        var map = CreateMap();
        var key = new RemoteKey("crm", "customer", "T-1");
        var other = new RemoteKey("erp", "customer", "900");
        IdentityResolution resolution;

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            resolution = await map.GetOrCreateAsync(key, transaction);
            Assert.Equal(resolution with { Created = false }, await map.GetOrCreateAsync(key, transaction));
            Assert.Equal(IdentityLinkResult.Linked, await map.LinkAsync(other, resolution.CanonicalId, transaction));
            await transaction.CommitAsync();
        }

        Assert.True(resolution.Created);
        Assert.Equal(resolution.CanonicalId, await map.FindAsync(key));
        Assert.Equal([key, other], await map.ListLinksAsync("customer", resolution.CanonicalId));
        Assert.Equal(new IdentityResolution(resolution.CanonicalId, false), await map.GetOrCreateAsync(key));
    }

    [Fact]
    public async Task LinkUnlinkAndMergeAsync_InTransactionDisposedWithoutCommit_ChangeNothing()
    {
        var map = CreateMap();
        var (a1, b1, a2) = (new RemoteKey("crm", "customer", "A"), new RemoteKey("crm", "customer", "B"), new RemoteKey("erp", "customer", "A"));
        var a = (await map.GetOrCreateAsync(a1)).CanonicalId;
        var b = (await map.GetOrCreateAsync(b1)).CanonicalId;

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            Assert.Equal(IdentityLinkResult.Linked, await map.LinkAsync(a2, a, transaction));
            Assert.True(await map.UnlinkAsync(a1, transaction));
            Assert.Equal([b1], (await map.MergeAsync("customer", a, b, transaction)).MovedLinks);
        }

        Assert.Null(await map.FindAsync(a2));
        Assert.Equal(a, await map.FindAsync(a1));
        Assert.Equal(b, await map.FindAsync(b1));
        Assert.Equal(b, await map.ResolveAsync("customer", b));
        Assert.Equal([a1], await map.ListLinksAsync("customer", a));
        Assert.Equal([b1], await map.ListLinksAsync("customer", b));
    }

    [Fact]
    public async Task LinkUnlinkAndMergeAsync_InTransactionCommitted_AllApplied()
    {
        var map = CreateMap();
        var (a1, b1, a2) = (new RemoteKey("crm", "customer", "A"), new RemoteKey("crm", "customer", "B"), new RemoteKey("erp", "customer", "A"));
        var a = (await map.GetOrCreateAsync(a1)).CanonicalId;
        var b = (await map.GetOrCreateAsync(b1)).CanonicalId;

        await using (var transaction = await CreateTransactionFactory().BeginTransactionAsync())
        {
            await map.LinkAsync(a2, a, transaction);
            await map.UnlinkAsync(a1, transaction);
            await map.MergeAsync("customer", a, b, transaction);
            await transaction.CommitAsync();
        }

        Assert.Null(await map.FindAsync(a1));
        Assert.Equal(a, await map.FindAsync(a2));
        Assert.Equal(a, await map.FindAsync(b1));
        Assert.Equal(a, await map.ResolveAsync("customer", b));
        Assert.Equal([b1, a2], await map.ListLinksAsync("customer", b));
    }

    [Fact]
    public async Task WritingMethods_TransactionOfAnotherProvider_ThrowArgumentExceptionAndWriteNothing()
    {
        var map = CreateMap();
        var linked = new RemoteKey("crm", "customer", "L");
        var id = (await map.GetOrCreateAsync(linked)).CanonicalId;
        var other = (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", "O"))).CanonicalId;
        var fresh = new RemoteKey("crm", "customer", "F");
        await using var foreign = new ForeignTransaction();

        Assert.Equal("transaction", (await Assert.ThrowsAsync<ArgumentException>(async () => await map.GetOrCreateAsync(fresh, foreign))).ParamName);
        await Assert.ThrowsAsync<ArgumentException>(async () => await map.LinkAsync(fresh, id, foreign));
        await Assert.ThrowsAsync<ArgumentException>(async () => await map.UnlinkAsync(linked, foreign));
        await Assert.ThrowsAsync<ArgumentException>(async () => await map.MergeAsync("customer", id, other, foreign));

        Assert.Null(await map.FindAsync(fresh));
        Assert.Equal(id, await map.FindAsync(linked));
        Assert.Equal(other, await map.ResolveAsync("customer", other));
    }

    /// <summary>A transaction of no store provider, which every store must refuse.</summary>
    private sealed class ForeignTransaction : IStoreTransaction
    {
        public ValueTask CommitAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
