namespace Connectivity.Storage.Sqlite.Internal;

/// <summary>Times are stored as UTC ticks: exact, sortable integers.</summary>
internal static class SqliteTime
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
