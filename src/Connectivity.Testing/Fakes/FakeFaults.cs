using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Testing.Fakes.Internal;

namespace Connectivity.Testing.Fakes;

/// <summary>
/// The faults a <see cref="FakeSystem"/> injects, by counters, so a test is deterministic: with
/// <see cref="TransientFailureEvery"/> = 3, write calls 3, 6, 9, … fail. Every fault is off by default (0 or
/// <see langword="null"/>); change them at any time, the next call uses the new plan.
/// </summary>
/// <remarks>
/// <para>Write calls are numbered per system, from 1, across all its writers. When several counters hit the same call,
/// the first of rate limit, timeout, transient failure, rejection and ambiguous outcome wins.</para>
/// <para>Changes are numbered per system by their <see cref="FakeDelivery.Sequence"/>, from 1.</para>
/// </remarks>
public sealed class FakeFaults
{
    private int _transientFailureEvery;
    private int _rateLimitEvery;
    private TimeSpan _rateLimitRetryAfter = FakeConstants.DefaultRateLimitRetryAfter;
    private int _timeoutEvery;
    private TimeSpan _timeout = FakeConstants.DefaultTimeout;
    private int _ambiguousOutcomeEvery;
    private string _rejectReason = FakeConstants.DefaultRejectReason;
    private int _duplicateDeliveryEvery;
    private int _outOfOrderEvery;

    /// <summary>Gets or sets n: every n-th write call fails transiently (like a 503) and writes nothing.</summary>
    /// <value>The default value is 0 (never).</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int TransientFailureEvery { get => _transientFailureEvery; set => _transientFailureEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets n: every n-th write call is rate limited (like a 429 with <c>Retry-After</c>
    /// <see cref="RateLimitRetryAfter"/>) and writes nothing.</summary>
    /// <value>The default value is 0 (never).</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int RateLimitEvery { get => _rateLimitEvery; set => _rateLimitEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets the wait a rate-limited answer asks for (<see cref="Delivery.DeliveryResult.RetryAfter"/>).</summary>
    /// <value>The default value is 30 seconds.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public TimeSpan RateLimitRetryAfter { get => _rateLimitRetryAfter; set => _rateLimitRetryAfter = Guard.Against.Negative(value); }

    /// <summary>Gets or sets n: every n-th write call times out: it takes <see cref="Timeout"/>, then fails transiently and writes
    /// nothing. On the fake system's own clock (a <c>FakeTimeProvider</c>) the time passes at once, by advancing the clock;
    /// on any other clock the call waits, and the cancellation token ends the wait.</summary>
    /// <value>The default value is 0 (never).</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int TimeoutEvery { get => _timeoutEvery; set => _timeoutEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets how long a timed-out write call takes.</summary>
    /// <value>The default value is 30 seconds.</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public TimeSpan Timeout { get => _timeout; set => _timeout = Guard.Against.Negative(value); }

    /// <summary>Gets or sets n: every n-th write call is applied, but its answer is lost: the writer reports an ambiguous outcome
    /// (a permanent failure with code <c>CNX6003</c>, as an HTTP entity writer does), so the outbox dead-letters it.</summary>
    /// <value>The default value is 0 (never).</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int AmbiguousOutcomeEvery { get => _ambiguousOutcomeEvery; set => _ambiguousOutcomeEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets which records the system rejects (like a 422): a write whose payload matches is a permanent failure
    /// with code <c>CNX6004</c> and <see cref="RejectReason"/>, and writes nothing.</summary>
    /// <value>The default value is <see langword="null"/> (none).</value>
    public Func<JsonObject, bool>? RejectWhen { get; set; }

    /// <summary>Gets or sets the reason of a rejection.</summary>
    /// <value>The default value is "the fake system rejects this record".</value>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public string RejectReason { get => _rejectReason; set => _rejectReason = Guard.Against.NullOrEmpty(value); }

    /// <summary>Gets or sets n: every n-th change is delivered twice by <see cref="FakeSystem.TakeDeliveries"/>, with the same
    /// <see cref="FakeDelivery.DeliveryId"/>, one right after the other.</summary>
    /// <value>The default value is 0 (never).</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int DuplicateDeliveryEvery { get => _duplicateDeliveryEvery; set => _duplicateDeliveryEvery = Guard.Against.Negative(value); }

    /// <summary>Gets or sets n: every n-th change is held back and delivered after the change that follows it. A change held back
    /// when <see cref="FakeSystem.TakeDeliveries"/> is called, with nothing after it yet, is delivered last, in order.</summary>
    /// <value>The default value is 0 (never).</value>
    /// <exception cref="ArgumentException">The value is negative.</exception>
    public int OutOfOrderEvery { get => _outOfOrderEvery; set => _outOfOrderEvery = Guard.Against.Negative(value); }

    internal static bool Hits(int every, long number) => every > 0 && number % every == 0;
}
