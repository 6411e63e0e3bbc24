namespace Connectivity.Delivery.Internal;

/// <summary>Exponential backoff with "equal jitter": the delay after attempt n lies in [d/2, d], d = min(max, base * 2^(n-1)).</summary>
internal static class RetryBackoff
{
    public static TimeSpan UpperBound(TimeSpan baseDelay, TimeSpan maxDelay, int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ticks = baseDelay.Ticks * (double)(1L << exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public static TimeSpan Next(TimeSpan baseDelay, TimeSpan maxDelay, int attempt, double random)
    {
        var upper = UpperBound(baseDelay, maxDelay, attempt);
        return TimeSpan.FromTicks((long)(upper.Ticks * (0.5 + (0.5 * random))));
    }
}
