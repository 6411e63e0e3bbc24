namespace Connectivity.ChangeTracking.Internal;

internal static class EchoGuardConstants
{
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(15);

    public const int DefaultMaxFingerprintsPerRecord = 8;

    public const int DefaultMaxRecords = 100_000;
}
