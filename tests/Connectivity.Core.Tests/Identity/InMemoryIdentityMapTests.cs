using Connectivity.Delivery;
using Connectivity.Identity;

namespace Connectivity.Core.Tests.Identity;

public sealed class InMemoryIdentityMapTests : IdentityMapConformanceTests
{
    private static readonly RemoteKey Key = new("crm", "customer", "A-1");

    protected override IIdentityMap CreateMap() => new InMemoryIdentityMap(TimeProvider.System);

    protected override IStoreTransactionFactory CreateTransactionFactory() => new InMemoryStoreTransactionFactory();

    [Fact]
    public async Task GetOrCreateAsync_IdCreatedInTransactionReturnedToCallerWithoutOne_KeptWhenTransactionRollsBack()
    {
        var map = CreateMap();
        IdentityResolution created;
        IdentityResolution seen;

        await using (var transaction = new InMemoryStoreTransaction())
        {
            created = await map.GetOrCreateAsync(Key, transaction);
            seen = await map.GetOrCreateAsync(Key);
        }

        Assert.Equal(new IdentityResolution(created.CanonicalId, false), seen);
        Assert.Equal(created.CanonicalId, await map.FindAsync(Key));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task GetOrCreateAsync_IdCreatedInOneTransactionReturnedInAnother_RemovedOnlyWhenBothRollBack(bool commitCreator, bool commitReader)
    {
        var map = CreateMap();
        var creator = new InMemoryStoreTransaction();
        var reader = new InMemoryStoreTransaction();
        var created = await map.GetOrCreateAsync(Key, creator);
        Assert.Equal(created.CanonicalId, (await map.GetOrCreateAsync(Key, reader)).CanonicalId);

        // The reader completes first: whichever commits keeps the link, only two rollbacks remove it.
        await CompleteAsync(reader, commitReader);
        await CompleteAsync(creator, commitCreator);

        Assert.Equal(commitCreator || commitReader ? created.CanonicalId : null, await map.FindAsync(Key));
    }

    [Fact]
    public async Task WritingMethods_CompletedTransaction_ThrowAndWriteNothing()
    {
        var map = CreateMap();
        var transaction = new InMemoryStoreTransaction();
        await transaction.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await map.GetOrCreateAsync(Key, transaction));

        Assert.Null(await map.FindAsync(Key));
    }

    [Fact]
    public async Task GetOrCreateAsync_ParallelTransactionsSomeRolledBack_OneIdPerRecordAndOnlyCommittedOnesKept()
    {
        var map = CreateMap();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            var ids = new string[500];
            await using var transaction = new InMemoryStoreTransaction();
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = (await map.GetOrCreateAsync(new RemoteKey("crm", "customer", $"R{i}"), transaction)).CanonicalId;
            }

            var commit = caller % 2 == 0;
            if (commit)
            {
                await transaction.CommitAsync();
            }

            return (Commit: commit, Ids: ids);
        })));

        for (var i = 0; i < 500; i++)
        {
            var kept = await map.FindAsync(new RemoteKey("crm", "customer", $"R{i}"));
            var committed = outcomes.Where(static o => o.Commit).Select(o => o.Ids[i]).Distinct();
            Assert.Equal(kept, Assert.Single(committed));
        }
    }

    private static async Task CompleteAsync(InMemoryStoreTransaction transaction, bool commit)
    {
        if (commit)
        {
            await transaction.CommitAsync();
        }

        await transaction.DisposeAsync();
    }
}
