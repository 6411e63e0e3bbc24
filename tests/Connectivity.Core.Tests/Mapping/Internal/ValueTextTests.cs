using System.Text.Json;
using Connectivity.Mapping.Internal;

namespace Connectivity.Core.Tests.Mapping.Internal;

/// <summary>
/// <see cref="ValueText.FormatIso"/>. Date-time text a record wrote is taken as its value, not parsed back
/// (<see cref="RecordState.IsoDates"/>): that is only right if System.Text.Json and the map's own ISO parser read the text
/// back as exactly that value, and if the text is what the serializer writes for an entity's value.
/// </summary>
public sealed class ValueTextTests
{
    [Fact]
    public void FormatIso_AnyValue_ReadsBackAsTheSameTicksAndOffset()
    {
        var buffer = new byte[96];
        foreach (var value in Values())
        {
            buffer[0] = (byte)'"';
            var length = ValueText.FormatIso(value, dateOnly: false, buffer.AsSpan(1));
            buffer[length + 1] = (byte)'"';
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length + 2));
            Assert.True(reader.Read());
            Assert.True(reader.TryGetDateTimeOffset(out var read), System.Text.Encoding.UTF8.GetString(buffer, 0, length + 2));
            AssertSame(value, read);
            Assert.True(ValueText.TryParseDateTime(buffer.AsSpan(1, length), [], out var parsed));
            AssertSame(value, parsed);
        }
    }

    /// <summary>An entity's <see cref="DateTimeOffset"/> is captured as <see cref="ValueText.FormatIso"/> writes it, which must be what the serializer writes.</summary>
    [Fact]
    public void FormatIso_AnyValue_IsWhatTheSerializerWrites()
    {
        var buffer = new byte[96];
        foreach (var value in Values())
        {
            var length = ValueText.FormatIso(value, dateOnly: false, buffer);
            var written = JsonSerializer.SerializeToUtf8Bytes(value);
            if (!written.AsSpan(1, written.Length - 2).SequenceEqual(buffer.AsSpan(0, length)))
            {
                Assert.Fail($"{System.Text.Encoding.UTF8.GetString(written)} but FormatIso wrote {System.Text.Encoding.UTF8.GetString(buffer, 0, length)}");
            }
        }
    }

    [Fact]
    public void FormatIso_DateOnly_IsTheValuesOwnCalendarDate()
    {
        var buffer = new byte[96];
        foreach (var value in Values())
        {
            var length = ValueText.FormatIso(value, dateOnly: true, buffer);
            Assert.Equal(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        }
    }

    private static void AssertSame(DateTimeOffset expected, DateTimeOffset actual)
    {
        if (actual.Ticks != expected.Ticks || actual.Offset != expected.Offset)
        {
            Assert.Fail($"{expected:o} read back as {actual:o}");
        }
    }

    private static List<DateTimeOffset> Values()
    {
        var random = new Random(20261125);
        var values = new List<DateTimeOffset>
        {
            DateTimeOffset.MinValue.AddDays(1), DateTimeOffset.MaxValue.AddDays(-1), new(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(14)),
            new(1999, 12, 31, 0, 0, 0, TimeSpan.FromMinutes(-(14 * 60))), new(2026, 11, 25, 5, 30, 0, 1, 2, TimeSpan.FromMinutes(330)),
        };
        for (var i = 0; i < 20_000; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            if (i % 3 == 0)
            {
                ticks -= ticks % TimeSpan.TicksPerSecond;
            }

            values.Add(new DateTimeOffset(ticks, offset));
        }

        return values;
    }
}
