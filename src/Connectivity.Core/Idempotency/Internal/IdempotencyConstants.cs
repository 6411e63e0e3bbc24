namespace Connectivity.Idempotency.Internal;

internal static class IdempotencyConstants
{
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(7);

    public static readonly TimeSpan DefaultInFlightTimeout = TimeSpan.FromMinutes(5);
}
