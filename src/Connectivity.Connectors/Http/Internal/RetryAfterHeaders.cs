using System.Globalization;
using System.Net;

namespace Connectivity.Connectors.Http.Internal;

/// <summary>Reads how long a target asks a client to wait: <c>Retry-After</c> (seconds or an HTTP date) and rate-limit reset headers.</summary>
internal static class RetryAfterHeaders
{
    private static readonly string[] ResetHeaders = ["RateLimit-Reset", "X-RateLimit-Reset", "X-Rate-Limit-Reset"];

    // A reset value this large is a Unix time, not a number of seconds.
    private const long UnixTimeThreshold = 1_000_000_000;

    public static TimeSpan? GetDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        // A reset header on a success only says when the window turns; it is a wait only on a refusal.
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        foreach (var name in ResetHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                var wait = value >= UnixTimeThreshold
                    ? DateTimeOffset.FromUnixTimeSeconds(value) - now
                    : TimeSpan.FromSeconds(value);
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }
}
