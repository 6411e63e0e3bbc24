using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>
/// Checks, record by record, that every contender writes what the engine's direct map writes (compared with
/// <see cref="JsonNode.DeepEquals(JsonNode?, JsonNode?)"/>, so numbers compare as JSON numbers and key order and
/// escaping do not matter). Also counts how often the hand-written output is byte-for-byte the engine's.
/// </summary>
public static class MappingVerifier
{
    /// <summary>Runs the check.</summary>
    /// <param name="benchmark">A prepared benchmark.</param>
    /// <param name="count">How many records to check.</param>
    /// <returns>What was found.</returns>
    public static VerificationReport Verify(MappingBenchmark benchmark, int count)
    {
        var contenders = new (string Name, Action<byte[], IBufferWriter<byte>> Map)[]
        {
            (nameof(MappingBenchmark.HandWritten), benchmark.HandWrittenOne),
            (nameof(MappingBenchmark.EngineViaCanonical), benchmark.EngineViaCanonicalOne),
            (nameof(MappingBenchmark.JsonNodeDom), benchmark.JsonNodeOne),
            (nameof(MappingBenchmark.NewtonsoftJObject), benchmark.NewtonsoftOne),
        };

        var expected = new ArrayBufferWriter<byte>();
        var actual = new ArrayBufferWriter<byte>();
        var identical = 0;
        var sizes = 0L;
        var outputSizes = 0L;
        for (var i = 0; i < count; i++)
        {
            var record = benchmark.Records[i];
            sizes += record.Length;
            expected.ResetWrittenCount();
            benchmark.EngineJsonToJsonOne(record, expected);
            outputSizes += expected.WrittenCount;
            var expectedNode = JsonNode.Parse(expected.WrittenSpan);
            foreach (var (name, map) in contenders)
            {
                actual.ResetWrittenCount();
                try
                {
                    map(record, actual);
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    return VerificationReport.Failed($"record {i}: {name} failed: {ex.Message}\nrecord: {Encoding.UTF8.GetString(record)}");
                }

                if (!JsonNode.DeepEquals(expectedNode, JsonNode.Parse(actual.WrittenSpan)))
                {
                    return VerificationReport.Failed(
                        $"record {i}: {name} differs from EngineJsonToJson.\nengine:     {Encoding.UTF8.GetString(expected.WrittenSpan)}\n{name}: {Encoding.UTF8.GetString(actual.WrittenSpan)}\nrecord: {Encoding.UTF8.GetString(record)}");
                }

                if (name == nameof(MappingBenchmark.HandWritten) && actual.WrittenSpan.SequenceEqual(expected.WrittenSpan))
                {
                    identical++;
                }
            }
        }

        return VerificationReport.Passed(
            $"verified {count} records: every contender equals EngineJsonToJson (JsonNode.DeepEquals); HandWritten is byte-identical on {identical}/{count}; "
            + $"mean record {sizes / count} B in, {outputSizes / count} B out.");
    }
}

/// <summary>The outcome of <see cref="MappingVerifier.Verify"/>.</summary>
/// <param name="Succeeded">Whether every record matched.</param>
/// <param name="Message">A summary, or the first difference with both outputs.</param>
public sealed record VerificationReport(bool Succeeded, string Message)
{
    internal static VerificationReport Passed(string message) => new(true, message);

    internal static VerificationReport Failed(string message) => new(false, message);

    /// <summary>Throws with the first difference when the check failed.</summary>
    public void ThrowIfFailed()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException(Message);
        }
    }
}
