using System.Globalization;
using System.Text;
using Connectivity.Checkpoints;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Incremental;
using Connectivity.Connectors.Tests.Http;
using Connectivity.Mapping;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Connectors.Tests.Entities;

public sealed class EntityReaderTests
{
    private static readonly string[] Records =
    [
        """{"id":1,"updatedAt":"2026-01-01T00:00:01Z","code":"C-1","name":"Acme","limit":"100.50"}""",
        """{"id":2,"updatedAt":"2026-01-01T00:00:02Z","code":"C-2","name":"   ","limit":"5"}""",
        """{"id":3,"updatedAt":"2026-01-01T00:00:03Z","code":"C-3","name":"Globex"}""",
        """{"id":4,"updatedAt":"2026-01-01T00:00:04Z","deleted":true}""",
        """{"updatedAt":"2026-01-01T00:00:05Z","code":"C-5","name":"No id"}""",
        """{"id":6,"updatedAt":"2026-01-01T00:00:06Z","code":"C-6","name":"Initech","limit":"abc"}""",
        """{"id":7,"updatedAt":"2026-01-01T00:00:07Z","code":"C-7","name":"Umbrella","limit":"7"}""",
    ];

    internal static Task<KestrelTestServer> StartAsync(Func<IReadOnlyList<string>> records) => KestrelTestServer.StartAsync(app => app.MapGet("/changes", (HttpContext c) =>
    {
        var since = c.Request.Query["since"].FirstOrDefault();
        var offset = int.Parse(c.Request.Query["offset"]!, CultureInfo.InvariantCulture);
        var limit = int.Parse(c.Request.Query["limit"]!, CultureInfo.InvariantCulture);
        var rows = records().Where(r => since is null || string.CompareOrdinal(Stamp(r), since) >= 0).Skip(offset).Take(limit);
        return Results.Text($"{{\"items\":[{string.Join(',', rows)}]}}", "application/json", Encoding.UTF8);
    }));

    private static string Stamp(string record) => System.Text.Json.JsonDocument.Parse(record).RootElement.GetProperty("updatedAt").GetString()!;

    [Fact]
    public async Task ReadChangesAsync_PagesWithBadRecords_EveryRecordYieldedInOrderFailuresAsValues()
    {
        await using var server = await StartAsync(() => Records);
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var reader = new CustomerReader(provider.Client());
        var checkpoint = new IncrementalReader(new InMemoryCheckpointStore(TimeProvider.System), new IncrementalReadOptions { Key = new CheckpointKey("erp", "customers") });

        var batches = new List<EntityChangeBatch<TestCustomer>>();
        await foreach (var batch in reader.ReadChangesAsync(checkpoint))
        {
            batches.Add(batch);
        }

        var changes = batches.SelectMany(b => b.Changes).ToList();
        Assert.Equal(3, batches.Count);
        Assert.Equal(
            [EntityChangeKind.Upserted, EntityChangeKind.Failed, EntityChangeKind.Upserted, EntityChangeKind.Deleted, EntityChangeKind.Failed, EntityChangeKind.Failed, EntityChangeKind.Upserted],
            changes.Select(c => c.Kind));
        Assert.Equal(["1", "2", "3", "4", null, "6", "7"], changes.Select(c => c.RemoteId));

        Assert.Equal("C-1", changes[0].Entity!.ExternalId);
        Assert.Equal(100.50m, changes[0].Entity!.CreditLimit);
        Assert.Equal(MappingErrorCodes.RequiredValueMissing, Assert.Single(changes[1].Errors).Code);
        Assert.Equal(EntityErrorCodes.MissingRemoteId, Assert.Single(changes[4].Errors).Code);
        Assert.NotEmpty(changes[5].Errors);
        Assert.Contains("\"limit\":\"abc\"", Encoding.UTF8.GetString(changes[5].Record.Span), StringComparison.Ordinal);
        Assert.Null(changes[3].Entity);
    }

    [Fact]
    public async Task ReadChangesAsync_BatchesCommitted_NextReadYieldsOnlyNewRecords()
    {
        var records = Records.Take(3).ToList();
        await using var server = await StartAsync(() => records);
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var reader = new CustomerReader(provider.Client());
        var checkpoint = new IncrementalReader(new InMemoryCheckpointStore(TimeProvider.System), new IncrementalReadOptions { Key = new CheckpointKey("erp", "customers") });

        var first = new List<string?>();
        await foreach (var batch in reader.ReadChangesAsync(checkpoint))
        {
            first.AddRange(batch.Changes.Select(c => c.RemoteId));
            await batch.CommitAsync();
        }

        records.Add(Records[6]);
        var second = new List<string?>();
        IncrementalCursor? last = null;
        await foreach (var batch in reader.ReadChangesAsync(checkpoint))
        {
            second.AddRange(batch.Changes.Select(c => c.RemoteId));
            last = batch.Checkpoint;
            await batch.CommitAsync();
        }

        Assert.Equal(["1", "2", "3"], first);
        Assert.Equal(["7"], second);
        Assert.Equal(new IncrementalCursor("2026-01-01T00:00:07Z", "7"), last);
        Assert.Equal(last, await checkpoint.LoadAsync());
    }

    [Fact]
    public async Task ReadChangesAsync_BatchNotCommitted_RecordsReadAgain()
    {
        await using var server = await StartAsync(() => Records.Take(2).ToList());
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var reader = new CustomerReader(provider.Client());
        var checkpoint = new IncrementalReader(new InMemoryCheckpointStore(TimeProvider.System), new IncrementalReadOptions { Key = new CheckpointKey("erp", "customers") });

        var reads = 0;
        for (var run = 0; run < 2; run++)
        {
            await foreach (var batch in reader.ReadChangesAsync(checkpoint))
            {
                reads += batch.Changes.Count;
            }
        }

        Assert.Equal(4, reads);
    }
}
