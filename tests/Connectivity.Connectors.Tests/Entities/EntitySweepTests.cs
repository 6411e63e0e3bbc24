using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Tests.Http;

namespace Connectivity.Connectors.Tests.Entities;

public sealed class EntitySweepTests
{
    private static string Record(int id, bool deleted = false) => deleted
        ? $$"""{"id":{{id}},"updatedAt":"2026-01-01T00:00:{{id:00}}Z","deleted":true}"""
        : $$"""{"id":{{id}},"updatedAt":"2026-01-01T00:00:{{id:00}}Z","code":"C-{{id}}","name":"{{(id == 5 ? " " : "N")}}"}""";

    [Fact]
    public async Task WalkRemoteIdsAsync_RecordsRemovedFromTarget_FindGoneReportsExactlyThose()
    {
        // 3 and 7 were removed; 5 fails to map but exists; 9 is a tombstone; 12 was never linked.
        var live = new[] { 1, 2, 4, 5, 6, 8, 10, 11, 12 }.Select(i => Record(i)).Append(Record(9, deleted: true)).ToList();
        await using var server = await EntityReaderTests.StartAsync(() => live);
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var reader = new CustomerReader(provider.Client());
        var linked = Enumerable.Range(1, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var walk = await reader.WalkRemoteIdsAsync();

        Assert.True(walk.IsComplete);
        Assert.Equal(4, walk.Pages);
        Assert.Equal(["3", "7", "9"], walk.FindGone(linked));
    }

    [Fact]
    public async Task WalkRemoteIdsAsync_WalkStoppedAtPageCap_FindGoneRefuses()
    {
        var live = Enumerable.Range(1, 10).Select(i => Record(i)).ToList();
        await using var server = await EntityReaderTests.StartAsync(() => live);
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var reader = new CustomerReader(provider.Client(), pageSize: 3, maxPages: 2);

        var walk = await reader.WalkRemoteIdsAsync();

        Assert.False(walk.IsComplete);
        Assert.Equal(6, walk.RemoteIds.Count);
        Assert.Throws<InvalidOperationException>(() => walk.FindGone(["1", "9"]));
    }

    [Fact]
    public void FindGone_DuplicatesAndUnorderedInput_EachGoneIdOnceInOrdinalOrder()
    {
        var gone = EntitySweep.FindGone(["b", "d"], ["e", "a", "b", "a", "c", "d"]);

        Assert.Equal(["a", "c", "e"], gone);
    }
}
