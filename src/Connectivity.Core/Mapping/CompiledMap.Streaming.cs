using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Mapping.Internal;

namespace Connectivity.Mapping;

/// <content>Streaming: NDJSON and large JSON arrays in, NDJSON out, with memory that stays flat as the input grows.</content>
public sealed partial class CompiledMap
{
    private const int ReadChunk = 64 * 1024;
    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Maps NDJSON (one record a line) to NDJSON. A bad record is written to <paramref name="errors"/> as one
    /// NDJSON line (<c>{"record":n,"errors":[...]}</c>) and the stream goes on; only the current record is held in memory.
    /// </summary>
    /// <param name="input">The NDJSON input.</param>
    /// <param name="output">Receives one mapped record a line.</param>
    /// <param name="errors">Receives one line per failed record; errors are only counted when <see langword="null"/>.</param>
    /// <param name="options">Limits and progress reporting.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    public async ValueTask<MapStreamSummary> MapNdjsonAsync(Stream input, Stream output, Stream? errors = null, MapStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(input);
        Guard.Against.Null(output);
        options ??= new MapStreamOptions();
        var run = new StreamRun(this, output, errors, options);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        var start = 0;
        var end = 0;
        var skipping = false;
        try
        {
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    if (!skipping)
                    {
                        run.MapLine(buffer.AsSpan(start, newline));
                    }

                    skipping = false;
                    start += newline + 1;
                    await run.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (end - start > options.MaxRecordBytes && !skipping)
                {
                    run.Fail(StreamRun.TooLarge(options.MaxRecordBytes));
                    skipping = true;
                }

                if (skipping)
                {
                    start = end;
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxRecordBytes + ReadChunk));
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (end > 0 && !skipping)
                    {
                        run.MapLine(buffer.AsSpan(0, end));
                    }

                    break;
                }

                run.BytesRead += read;
                end += read;
            }

            return await run.FinishAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Maps the elements of a JSON array — the document itself, or an array inside a paging envelope
    /// (<see cref="MapStreamOptions.ArrayPath"/>: <c>records</c>, <c>value</c>, <c>d.results</c>) — to NDJSON,
    /// reading the input in chunks so memory stays flat. A bad element is reported and the stream goes on;
    /// input that stops being JSON ends the run with an error for the record it broke in.
    /// </summary>
    /// <param name="input">The JSON input.</param>
    /// <param name="output">Receives one mapped record a line.</param>
    /// <param name="errors">Receives one line per failed record; errors are only counted when <see langword="null"/>.</param>
    /// <param name="options">The array path, limits and progress reporting.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    public async ValueTask<MapStreamSummary> MapJsonArrayAsync(Stream input, Stream output, Stream? errors = null, MapStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(input);
        Guard.Against.Null(output);
        options ??= new MapStreamOptions();
        var run = new StreamRun(this, output, errors, options);
        var scan = new ArrayScan(options.ArrayPath is null ? [] : MapPath.Parse(options.ArrayPath).Select(static s => s.Name).ToArray());
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        var end = 0;
        var final = false;
        var limit = options.MaxRecordBytes;
        try
        {
            while (!scan.Done)
            {
                if (!final)
                {
                    if (end == buffer.Length)
                    {
                        if (end > options.MaxRecordBytes && scan.InArray && !scan.Skipping)
                        {
                            // The element does not fit the limit: report it and read past it token by token.
                            run.Fail(StreamRun.TooLarge(options.MaxRecordBytes));
                            scan.Skipping = true;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, end).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    final = read == 0;
                    run.BytesRead += read;
                    end += read;
                }

                var consumed = scan.Process(buffer.AsSpan(0, end), final, run, limit);
                buffer.AsSpan(consumed, end - consumed).CopyTo(buffer);
                end -= consumed;
                await run.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
                if (final && !scan.Done)
                {
                    if (scan.Error is null)
                    {
                        run.Fail(new MapError(MappingErrorCodes.MalformedRecord, string.Empty, null, options.ArrayPath is null ? "the input is not a JSON array." : $"the input has no array at '{options.ArrayPath}'."));
                    }

                    break;
                }
            }

            return await run.FinishAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Finds the record array and hands each complete element to the run, across buffer refills.</summary>
    private sealed class ArrayScan(string[] path)
    {
        private readonly List<string?> _names = [];
        private JsonReaderState _state;
        private bool _inArray;
        private string? _pendingName;

        public bool Done { get; private set; }

        public string? Error { get; private set; }

        public bool InArray => _inArray;

        /// <summary>Gets or sets whether the element being read is over the size limit and is being read past.</summary>
        public bool Skipping { get; set; }

        private int _skipDepth;

        public int Process(ReadOnlySpan<byte> data, bool final, StreamRun run, int limit)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var consumed = 0;
            try
            {
                while (!Done)
                {
                    if (Skipping)
                    {
                        if (!reader.Read())
                        {
                            break;
                        }

                        _skipDepth += reader.TokenType switch
                        {
                            JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
                            JsonTokenType.EndObject or JsonTokenType.EndArray => -1,
                            _ => 0,
                        };
                        consumed = (int)reader.BytesConsumed;
                        _state = reader.CurrentState;
                        if (_skipDepth == 0)
                        {
                            Skipping = false;
                        }

                        continue;
                    }

                    if (_inArray)
                    {
                        var before = reader;
                        if (!reader.Read())
                        {
                            break;
                        }

                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            Done = true;
                            consumed = (int)reader.BytesConsumed;
                            break;
                        }

                        var start = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            reader = before;
                            break;
                        }

                        if ((int)reader.BytesConsumed - start > limit)
                        {
                            run.Fail(StreamRun.TooLarge(limit));
                        }
                        else
                        {
                            run.MapLine(data[start..(int)reader.BytesConsumed]);
                        }

                        consumed = (int)reader.BytesConsumed;
                        _state = reader.CurrentState;
                        continue;
                    }

                    if (!reader.Read())
                    {
                        break;
                    }

                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            _pendingName = reader.GetString();
                            break;
                        case JsonTokenType.StartArray when Matches():
                            _inArray = true;
                            break;
                        case JsonTokenType.StartObject or JsonTokenType.StartArray:
                            _names.Add(_pendingName);
                            _pendingName = null;
                            if (_names.Count > path.Length + 1)
                            {
                                // Deeper than the path can reach: skip the value whole when it is in the buffer.
                                _names.RemoveAt(_names.Count - 1);
                                var save = reader;
                                if (!reader.TrySkip())
                                {
                                    // Not all in the buffer yet: read the value again, whole, after the next refill.
                                    reader = save;
                                    goto Stop;
                                }
                            }

                            break;
                        case JsonTokenType.EndObject or JsonTokenType.EndArray:
                            if (_names.Count > 0)
                            {
                                _names.RemoveAt(_names.Count - 1);
                            }

                            break;
                        default:
                            _pendingName = null;
                            break;
                    }

                    consumed = (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                }

            Stop:
                return consumed;
            }
            catch (JsonException ex)
            {
                Error = ex.Message;
                run.Fail(new MapError(MappingErrorCodes.MalformedRecord, string.Empty, null, $"the input stopped being JSON, so the run ends here: {ex.Message}"));
                Done = true;
                return data.Length;
            }
        }

        private bool Matches()
        {
            // The array is at the path when the enclosing objects' names are the path's names, in order.
            if (path.Length == 0)
            {
                return _names.Count == 0;
            }

            if (_names.Count != path.Length || _pendingName != path[^1])
            {
                return false;
            }

            for (var i = 1; i < path.Length; i++)
            {
                if (_names[i] != path[i - 1])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The output side of a streamed run: batches mapped records, writes error lines, counts, reports progress.</summary>
    private sealed class StreamRun(CompiledMap map, Stream output, Stream? errors, MapStreamOptions options)
    {
        private readonly ArrayBufferWriter<byte> _batch = new(FlushThreshold * 2);
        private readonly ArrayBufferWriter<byte> _errorBatch = new(4096);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastProgress;
        private long _records;
        private long _succeeded;
        private long _failed;

        public long BytesRead { get; set; }

        public void MapLine(ReadOnlySpan<byte> record)
        {
            if (!record.IsEmpty && record[^1] == '\r')
            {
                record = record[..^1];
            }

            if (record.Trim(" \t"u8).IsEmpty)
            {
                return;
            }

            if (record.Length > options.MaxRecordBytes)
            {
                Fail(TooLarge(options.MaxRecordBytes));
                return;
            }

            _records++;
            var result = map.Map(record, _batch);
            if (result.Succeeded)
            {
                _succeeded++;
                _batch.Write("\n"u8);
            }
            else
            {
                WriteErrors(result.Errors);
            }

            if (options.Progress is { } progress && _clock.Elapsed - _lastProgress >= options.ProgressInterval)
            {
                _lastProgress = _clock.Elapsed;
                progress.Report(Summary());
            }
        }

        public static MapError TooLarge(int limit)
            => new(MappingErrorCodes.RecordTooLarge, string.Empty, null, $"the record is larger than {limit} bytes; it was skipped.");

        public void Fail(MapError error)
        {
            _records++;
            WriteErrors([error]);
        }

        public async ValueTask FlushIfFullAsync(CancellationToken cancellationToken)
        {
            if (_batch.WrittenCount >= FlushThreshold)
            {
                await output.WriteAsync(_batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
                _batch.ResetWrittenCount();
            }

            if (errors is not null && _errorBatch.WrittenCount >= 4096)
            {
                await errors.WriteAsync(_errorBatch.WrittenMemory, cancellationToken).ConfigureAwait(false);
                _errorBatch.ResetWrittenCount();
            }
        }

        public async ValueTask<MapStreamSummary> FinishAsync(CancellationToken cancellationToken)
        {
            await output.WriteAsync(_batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (errors is not null)
            {
                await errors.WriteAsync(_errorBatch.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await errors.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var summary = Summary();
            options.Progress?.Report(summary);
            return summary;
        }

        private MapStreamSummary Summary() => new(_records, _succeeded, _failed, BytesRead, _clock.Elapsed);

        private void WriteErrors(IReadOnlyList<MapError> recordErrors)
        {
            _failed++;
            if (errors is null)
            {
                return;
            }

            using var writer = new Utf8JsonWriter(_errorBatch, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteNumber("record"u8, _records);
            writer.WriteStartArray("errors"u8);
            foreach (var error in recordErrors)
            {
                error.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            _errorBatch.Write("\n"u8);
        }
    }
}
