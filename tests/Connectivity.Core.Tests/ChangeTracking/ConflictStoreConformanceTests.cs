using Connectivity.ChangeTracking;

namespace Connectivity.Core.Tests.ChangeTracking;

/// <summary>The behaviour every <see cref="IConflictStore"/> must have. A store package derives from this class and supplies the factory.</summary>
public abstract class ConflictStoreConformanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    protected abstract IConflictStore CreateStore();

    private static FieldConflict Conflict(string system, string field, string incoming, int minute = 0)
        => new(new RecordKey(system, "customer", "c1"), field, "erp", "active", "1", "2", incoming, Now.AddMinutes(minute));

    [Fact]
    public async Task ListAsync_Added_ReturnsOldestFirstWithValues()
    {
        var store = CreateStore();
        await store.AddAsync(Conflict("erp", "creditLimit.amount", "3", 1));
        await store.AddAsync(Conflict("crm", "name", "\"x\"", 0));

        var list = await store.ListAsync("customer", "c1");

        Assert.Equal(["name", "creditLimit.amount"], list.Select(static c => c.FieldPath));
        Assert.Equal(("1", "2", "3", "erp", "active"), (list[1].BaseValue, list[1].CurrentValue, list[1].IncomingValue, list[1].Owner, list[1].Stage));
        Assert.Empty(await store.ListAsync("customer", "c2"));
    }

    [Fact]
    public async Task AddAsync_SameRecordFieldAndSystem_ReplacesOlder()
    {
        var store = CreateStore();
        await store.AddAsync(Conflict("erp", "name", "\"a\""));
        await store.AddAsync(Conflict("erp", "name", "\"b\"", 1));

        Assert.Equal("\"b\"", Assert.Single(await store.ListAsync("customer", "c1")).IncomingValue);
    }

    [Fact]
    public async Task RemoveAsync_Resolved_GoneFromList()
    {
        var store = CreateStore();
        await store.AddAsync(Conflict("erp", "name", "\"a\""));

        Assert.True(await store.RemoveAsync(new RecordKey("erp", "customer", "c1"), "name"));
        Assert.False(await store.RemoveAsync(new RecordKey("erp", "customer", "c1"), "name"));
        Assert.Empty(await store.ListAsync("customer", "c1"));
    }
}

public sealed class InMemoryConflictStoreTests : ConflictStoreConformanceTests
{
    protected override IConflictStore CreateStore() => new InMemoryConflictStore();
}
