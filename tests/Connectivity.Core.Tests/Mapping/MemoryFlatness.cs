using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

[CollectionDefinition(nameof(MemoryFlatness), DisableParallelization = true)]
public sealed class MemoryFlatnessGroup;

/// <summary>
/// Streams many records and samples the live heap (after a full collection) while it runs. It runs alone
/// (its collection disables parallelization), so the heap it sees is the stream's own.
/// </summary>
[Collection(nameof(MemoryFlatness))]
public sealed class MemoryFlatness
{
    private static async Task AssertFlatAsync(CompiledMap map)
    {
        const int Records = 200_000;
        using var input = new StreamingTests.GeneratedNdjson(Records);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new List<long>();
        var progress = new StreamingTests.Progress(() => samples.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline));

        var summary = await map.MapNdjsonAsync(input, Stream.Null, Stream.Null, new MapStreamOptions { Progress = progress, ProgressInterval = TimeSpan.FromMilliseconds(50) });

        Assert.Equal(Records, summary.Succeeded);
        Assert.True(samples.Count >= 2, "too few samples to judge");
        Assert.True(samples.Max() < 8 * 1024 * 1024, $"the live heap grew to {samples.Max() / 1024} KiB above the start while streaming {Records} records");
    }

    [Fact]
    public async Task MapNdjson_200kRecords_LiveHeapStaysUnder8MiB()
    {
        var map = new MapBuilder("flat").Field("id", r => r.Copy("Id")).Field("amount", r => r.Copy("Amount").AsDecimal()).Build();

        await AssertFlatAsync(map);
    }
}
