namespace Connectivity.Testing.Fakes.Internal;

/// <summary>Defaults and error codes of the fake systems.</summary>
internal static class FakeConstants
{
    /// <summary>The moment a fake system's own clock starts at (the same as <c>CanonicalFixtures.Timestamp</c>).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan DefaultRateLimitRetryAfter = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public const string DefaultRejectReason = "the fake system rejects this record";

    // The codes an HTTP entity writer reports (Connectivity.Connectors' HttpErrorCodes), so dead letters and metrics
    // in a test read as they do in production; the test kit does not reference the connectors package.
    public const string TransientFailure = "CNX6001";

    public const string RateLimited = "CNX6002";

    public const string AmbiguousOutcome = "CNX6003";

    public const string PermanentFailure = "CNX6004";
}
