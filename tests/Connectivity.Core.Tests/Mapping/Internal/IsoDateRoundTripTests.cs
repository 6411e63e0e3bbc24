using System.Text.Json;
using Connectivity.Mapping.Internal;

namespace Connectivity.Core.Tests.Mapping.Internal;

/// <summary>
/// A toDateTime step's value is bound to a <see cref="DateTimeOffset"/> without parsing its text back
/// (<see cref="RecordState.IsoDate"/>); that is only right if System.Text.Json reads the text as exactly that value.
/// </summary>
public sealed class IsoDateRoundTripTests
{
    [Fact]
    public void FormatIso_AnyValue_ReadsBackAsTheSameTicksAndOffset()
    {
        var random = new Random(20261125);
        var buffer = new byte[96];
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

        foreach (var value in values)
        {
            buffer[0] = (byte)'"';
            var length = ValueText.FormatIso(value, dateOnly: false, buffer.AsSpan(1));
            buffer[length + 1] = (byte)'"';
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length + 2));
            Assert.True(reader.Read());
            Assert.True(reader.TryGetDateTimeOffset(out var read), System.Text.Encoding.UTF8.GetString(buffer, 0, length + 2));
            if (read.Ticks != value.Ticks || read.Offset != value.Offset)
            {
                Assert.Fail($"{value:o} read back as {read:o}");
            }
        }
    }
}
