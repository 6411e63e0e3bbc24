using System.Globalization;
using System.Text;
using System.Text.Json;
using Connectivity.Checkpoints;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Connectors.Incremental;
using Connectivity.Connectors.Tests.Http;
using Connectivity.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Connectors.Tests.Incremental;

public sealed class IncrementalReaderTests
{
    private const int Total = 1000;
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Groups of seven records share one timestamp; a page of 50 ends inside a group.
    private static DateTimeOffset StampOf(int id) => Origin.AddSeconds(id / 7);

    private static Task<KestrelTestServer> StartAsync() => KestrelTestServer.StartAsync(app => app.MapGet("/changes", (HttpContext c) =>
    {
        var since = c.Request.Query["since"].FirstOrDefault() is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var offset = int.Parse(c.Request.Query["offset"]!, CultureInfo.InvariantCulture);
        var limit = int.Parse(c.Request.Query["limit"]!, CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(0, Total).Where(i => StampOf(i) >= since).Skip(offset).Take(limit)
            .Select(i => $"{{\"id\":{i},\"updatedAt\":\"{StampOf(i):O}\"}}");
        return Results.Text($"{{\"items\":[{string.Join(',', rows)}]}}", "application/json", Encoding.UTF8);
    }));

    [Fact]
    public async Task ReadAsync_ResumedAfterCrash_NoRecordLostOrRepeatedAtEqualTimestamps()
    {
        await using var server = await StartAsync();
        await using var provider = TestConnectors.Build(server.BaseAddress);
        var client = provider.Client();
        var store = new InMemoryCheckpointStore(TimeProvider.System);
        var transactions = new InMemoryStoreTransactionFactory();
        var options = new IncrementalReadOptions { Key = new CheckpointKey("erp", "customers") };
        var delivered = new List<int>();

        IAsyncEnumerable<HttpPage> Pages(string? since)
        {
            var start = since is null ? "changes" : $"changes?since={Uri.EscapeDataString(since)}";
            return client.ReadPagesAsync(new Uri(start, UriKind.Relative), PagingStrategy.OffsetLimit("offset", "limit", 50, "items"));
        }

        async Task RunAsync(int? crashAtBatch)
        {
            var reader = new IncrementalReader(store, options);
            var batchNumber = 0;
            await foreach (var batch in reader.ReadAsync(Pages))
            {
                batchNumber++;
                await using var transaction = await transactions.BeginTransactionAsync();
                var work = batch.Records.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("id").GetInt32()).ToList();
                InMemoryStoreTransaction.From(transaction)!.Enlist(() => delivered.AddRange(work));
                await reader.CommitAsync(batch, transaction);
                if (batchNumber == crashAtBatch)
                {
                    // The process dies mid-batch: its work and its checkpoint roll back together.
                    throw new InvalidOperationException("crash");
                }

                await transaction.CommitAsync();
            }
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(crashAtBatch: 7));
        Assert.Equal(300, delivered.Count);
        await RunAsync(crashAtBatch: null);

        Assert.Equal(Enumerable.Range(0, Total), delivered);
        var saved = await new IncrementalReader(store, options).LoadAsync();
        Assert.Equal(new IncrementalCursor(StampOf(Total - 1).ToString("O", CultureInfo.InvariantCulture), (Total - 1).ToString(CultureInfo.InvariantCulture)), saved);
    }

    [Fact]
    public void GetQueryStart_WithLookback_StartsEarlier()
    {
        var reader = new IncrementalReader(new InMemoryCheckpointStore(TimeProvider.System),
            new IncrementalReadOptions { Key = new CheckpointKey("erp", "orders"), LookbackWindow = TimeSpan.FromMinutes(5) });

        var start = reader.GetQueryStart(new IncrementalCursor("2026-01-01T00:10:00.0000000+00:00", "9"));

        Assert.Equal("2026-01-01T00:05:00.0000000+00:00", start);
        Assert.Null(reader.GetQueryStart(null));
    }

    [Theory]
    [InlineData("2026-01-01T00:00:01Z", "2", "2026-01-01T00:00:01Z", "10", -1)]
    [InlineData("2026-01-01T00:00:02Z", "1", "2026-01-01T00:00:01.5+00:00", "9", 1)]
    [InlineData("100", "a", "99", "z", 1)]
    [InlineData("x", "1", "x", "1", 0)]
    public void CompareTo_OrdersByValueThenId(string v1, string id1, string v2, string id2, int sign)
    {
        Assert.Equal(sign, Math.Sign(new IncrementalCursor(v1, id1).CompareTo(new IncrementalCursor(v2, id2))));
    }

    [Fact]
    public void Serialize_RoundTrips()
    {
        var cursor = new IncrementalCursor("2026-01-01T00:00:00Z", "a\"b");

        Assert.True(IncrementalCursor.TryParse(cursor.Serialize(), out var back));
        Assert.Equal(cursor, back);
        Assert.False(IncrementalCursor.TryParse("not json", out _));
    }
}
