using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Mapping;
using Connectivity.Testing.Golden;

namespace Connectivity.Testing.Mapping;

/// <summary>
/// Runs a map over a fixture and checks the result against a golden file, in one line of a test:
/// <c>MapVerifier.Verify(map, "Fixtures/account.json");</c> compares with <c>Fixtures/account.golden.json</c>.
/// A fixture is one JSON record or NDJSON; the golden file lists, per record, the output or its errors, so a map
/// change that breaks a record shows up as a readable diff. Output is deterministic: invariant culture, the
/// map's field order, two-space indentation.
/// </summary>
public static class MapVerifier
{
    /// <summary>Maps every record of a fixture and checks the results against the golden file.</summary>
    /// <param name="map">The map under test.</param>
    /// <param name="fixturePath">The fixture (one JSON record, or NDJSON), absolute or relative to the calling source file's folder.</param>
    /// <param name="goldenPath">The golden file; <c>&lt;fixture&gt;.golden.json</c> beside the fixture when <see langword="null"/>.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="GoldenFileMismatchException">The results differ from the golden file, or there is none yet.</exception>
    public static void Verify(CompiledMap map, string fixturePath, string? goldenPath = null, [CallerFilePath] string callerFilePath = "")
    {
        Guard.Against.Null(map);
        Guard.Against.NullOrWhiteSpace(fixturePath);
        var fixture = GoldenFile.Resolve(fixturePath, callerFilePath);
        var golden = goldenPath is null
            ? Path.Combine(Path.GetDirectoryName(fixture)!, Path.GetFileNameWithoutExtension(fixture) + ".golden.json")
            : GoldenFile.Resolve(goldenPath, callerFilePath);
        GoldenFile.VerifyText(Run(map, File.ReadAllBytes(fixture)), golden, callerFilePath);
    }

    /// <summary>Maps every record of a fixture (one JSON record, or NDJSON) and gives the results as the golden file holds them.</summary>
    /// <param name="map">The map.</param>
    /// <param name="fixture">The fixture's bytes.</param>
    /// <returns>Indented JSON: an array with, per record, <c>{"output": ...}</c> or <c>{"errors": [...]}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is <see langword="null"/>.</exception>
    public static string Run(CompiledMap map, ReadOnlySpan<byte> fixture)
    {
        Guard.Against.Null(map);
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var results = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(results, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartArray();
                foreach (var record in Records(fixture))
                {
                    var output = new ArrayBufferWriter<byte>();
                    var result = map.Map(record.Span, output);
                    writer.WriteStartObject();
                    if (result.Succeeded)
                    {
                        writer.WritePropertyName("output"u8);
                        using var document = JsonDocument.Parse(output.WrittenMemory);
                        document.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteStartArray("errors"u8);
                        foreach (var error in result.Errors)
                        {
                            error.WriteTo(writer);
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            return Encoding.UTF8.GetString(results.WrittenSpan).ReplaceLineEndings("\n") + "\n";
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static List<ReadOnlyMemory<byte>> Records(ReadOnlySpan<byte> fixture)
    {
        var bytes = fixture.ToArray();
        var trimmed = bytes.AsSpan().Trim(" \t\r\n"u8);

        // One JSON document (possibly spread over many lines) is one record; otherwise one record per line.
        var reader = new Utf8JsonReader(trimmed, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (reader.Read() && reader.TrySkip() && !reader.Read())
            {
                var start = bytes.AsSpan().IndexOf(trimmed[0]);
                return [bytes.AsMemory(start, trimmed.Length)];
            }
        }
        catch (JsonException)
        {
            // Not a single well-formed document: fall back to lines, so a broken record shows as its error.
        }

        var records = new List<ReadOnlyMemory<byte>>();
        var at = 0;
        while (at < bytes.Length)
        {
            var end = bytes.AsSpan(at).IndexOf((byte)'\n');
            var line = end < 0 ? bytes.AsMemory(at) : bytes.AsMemory(at, end);
            at = end < 0 ? bytes.Length : at + end + 1;
            if (!line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                records.Add(line);
            }
        }

        return records;
    }
}
