namespace Connectivity.Storage.Sqlite.Internal;

internal static class SqliteStoreConstants
{
    public const string DefaultDatabasePath = "connectivity.db";

    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);
}
