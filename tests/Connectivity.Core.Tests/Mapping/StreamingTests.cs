using System.Text;
using System.Text.Json;
using Connectivity.Mapping;

namespace Connectivity.Core.Tests.Mapping;

public sealed class StreamingTests
{
    private static readonly CompiledMap Map = new MapBuilder("stream")
        .Field("id", r => r.Copy("Id").Required())
        .Field("amount", r => r.Copy("Amount").AsDecimal())
        .Build();

    [Fact]
    public async Task MapNdjson_BadLinesAreReportedAndTheRestFlows()
    {
        const string Input = "{\"Id\":\"a\",\"Amount\":\"1.50\"}\r\n\n{\"Id\":\"b\",\"Amount\":\"x\"}\n{\"Id\":\n{\"Amount\":2}\n{\"Id\":\"e\"}";
        var (output, errors, summary) = await RunNdjson(Input, new MapStreamOptions(), chunk: 5);

        Assert.Equal("{\"id\":\"a\",\"amount\":1.50}\n{\"id\":\"e\"}\n", output);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([2L, 3L, 4L], lines.Select(static l => l.GetProperty("record").GetInt64()));
        Assert.Equal(["CNX1003", "CNX1006", "CNX1001"], lines.Select(static l => l.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal((5L, 2L, 3L), (summary.Records, summary.Succeeded, summary.Failed));
        Assert.Equal(Encoding.UTF8.GetByteCount(Input), summary.BytesRead);
    }

    [Fact]
    public async Task MapNdjson_RecordOverTheLimit_IsSkippedAndTheNextMaps()
    {
        var input = "{\"Id\":\"" + new string('x', 5000) + "\"}\n{\"Id\":\"ok\"}\n";
        var (output, errors, summary) = await RunNdjson(input, new MapStreamOptions { MaxRecordBytes = 1000 }, chunk: 300);

        Assert.Equal("{\"id\":\"ok\"}\n", output);
        Assert.Contains("CNX1008", errors, StringComparison.Ordinal);
        Assert.Equal((2L, 1L, 1L), (summary.Records, summary.Succeeded, summary.Failed));
    }

    [Fact]
    public async Task MapNdjson_SmallRecordOverTheLimit_IsRefusedToo()
    {
        var (output, errors, summary) = await RunNdjson("{\"Id\":\"" + new string('x', 500) + "\"}\n{\"Id\":\"ok\"}\n", new MapStreamOptions { MaxRecordBytes = 100 }, chunk: 4096);

        Assert.Equal("{\"id\":\"ok\"}\n", output);
        Assert.Contains("CNX1008", errors, StringComparison.Ordinal);
        Assert.Equal((2L, 1L, 1L), (summary.Records, summary.Succeeded, summary.Failed));
    }

    [Theory]
    [InlineData(100, 4096)]
    [InlineData(1000, 7)]
    [InlineData(100_000, 4096)]
    public async Task MapJsonArray_ElementOverTheLimit_IsSkippedAndTheNextMaps(int size, int chunk)
    {
        var big = "{\"Id\":\"big\",\"Pad\":[" + string.Join(",", Enumerable.Repeat("\"" + new string('x', 50) + "\"", size / 50)) + "]}";
        var input = "{\"records\":[{\"Id\":\"a\"}," + big + ",{\"Id\":\"c\"}]}";

        var (output, errors, summary) = await RunArray(input, new MapStreamOptions { ArrayPath = "records", MaxRecordBytes = size / 2 }, chunk);

        Assert.Equal("{\"id\":\"a\"}\n{\"id\":\"c\"}\n", output);
        Assert.Contains("CNX1008", errors, StringComparison.Ordinal);
        Assert.Equal((3L, 2L, 1L), (summary.Records, summary.Succeeded, summary.Failed));
    }

    [Theory]
    [InlineData(null, """[{"Id":"a"},{"Id":"b","Amount":"2"}]""")]
    [InlineData("records", """{"totalSize":2,"done":true,"records":[{"Id":"a"},{"Id":"b","Amount":"2"}],"nextRecordsUrl":null}""")]
    [InlineData("value", """{"@odata.context":"x","value":[{"Id":"a","nested":{"value":[1]}},{"Id":"b","Amount":"2"}],"@odata.nextLink":"y"}""")]
    [InlineData("d.results", """{"d":{"__count":"2","results":[{"Id":"a"},{"Id":"b","Amount":"2"}]}}""")]
    [InlineData("records", """{"meta":{"records":[{"Id":"wrong"}]},"records":[{"Id":"a"},{"Id":"b","Amount":"2"}]}""")]
    public async Task MapJsonArray_FindsTheArrayInItsEnvelope(string? arrayPath, string input)
    {
        foreach (var chunk in new[] { 1, 7, 4096 })
        {
            var (output, _, summary) = await RunArray(input, new MapStreamOptions { ArrayPath = arrayPath }, chunk);

            Assert.Equal("{\"id\":\"a\"}\n{\"id\":\"b\",\"amount\":2}\n", output);
            Assert.Equal((2L, 2L), (summary.Records, summary.Succeeded));
        }
    }

    [Fact]
    public async Task MapJsonArray_BadElementsAreReported()
    {
        var (output, errors, summary) = await RunArray("""[{"Id":"a"}, 42, {"Amount":1}, {"Id":"d"}]""", new MapStreamOptions(), 3);

        Assert.Equal("{\"id\":\"a\"}\n{\"id\":\"d\"}\n", output);
        Assert.Equal((4L, 2L, 2L), (summary.Records, summary.Succeeded, summary.Failed));
        Assert.Contains("not an object", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapJsonArray_TruncatedInput_EndsWithAnErrorAfterTheGoodRecords()
    {
        var (output, errors, summary) = await RunArray("""[{"Id":"a"},{"Id":"b"},{"Id":"c""", new MapStreamOptions(), 4);

        Assert.Equal("{\"id\":\"a\"}\n{\"id\":\"b\"}\n", output);
        Assert.Equal(1, summary.Failed);
        Assert.Contains("CNX1006", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapJsonArray_NoArrayAtThePath_IsAnError()
    {
        var (_, errors, summary) = await RunArray("""{"value":{"x":1}}""", new MapStreamOptions { ArrayPath = "records" }, 4096);

        Assert.Equal(1, summary.Failed);
        Assert.Contains("has no array at 'records'", errors, StringComparison.Ordinal);
    }

    private static async Task<(string Output, string Errors, MapStreamSummary Summary)> RunNdjson(string input, MapStreamOptions options, int chunk)
    {
        using var source = new TrickleStream(Encoding.UTF8.GetBytes(input), chunk);
        using var output = new MemoryStream();
        using var errors = new MemoryStream();
        var summary = await Map.MapNdjsonAsync(source, output, errors, options);
        return (Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(errors.ToArray()), summary);
    }

    private static async Task<(string Output, string Errors, MapStreamSummary Summary)> RunArray(string input, MapStreamOptions options, int chunk)
    {
        using var source = new TrickleStream(Encoding.UTF8.GetBytes(input), chunk);
        using var output = new MemoryStream();
        using var errors = new MemoryStream();
        var summary = await Map.MapJsonArrayAsync(source, output, errors, options);
        return (Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(errors.ToArray()), summary);
    }

    internal sealed class Progress(Action report) : IProgress<MapStreamSummary>
    {
        public void Report(MapStreamSummary value) => report();
    }

    /// <summary>Hands out at most <c>chunk</c> bytes a read, to cross every buffer boundary.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    /// <summary>NDJSON made up as it is read, so the input itself takes no memory.</summary>
    internal sealed class GeneratedNdjson(int records) : Stream
    {
        private int _next;
        private byte[] _pending = [];
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _pending.Length)
                {
                    if (_next == records)
                    {
                        break;
                    }

                    _pending = Encoding.UTF8.GetBytes($$"""{"Id":"r{{_next++}}","Amount":"{{_next}}.25","Noise":["a","b",{"c":1}]}""" + "\n");
                    _offset = 0;
                }

                var take = Math.Min(count - written, _pending.Length - _offset);
                _pending.AsSpan(_offset, take).CopyTo(buffer.AsSpan(offset + written));
                _offset += take;
                written += take;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
