using Connectivity.Delivery;

namespace Connectivity.Idempotency;

/// <summary>The outcome of <see cref="IIdempotencyStore.TryBeginAsync"/>.</summary>
public sealed class IdempotencyResult
{
    private IdempotencyResult(IdempotencyOutcome outcome, string? leaseToken, ReadOnlyMemory<byte> storedResult, DateTimeOffset expiresAt)
    {
        Outcome = outcome;
        LeaseToken = leaseToken;
        StoredResult = storedResult;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets what the store found.</summary>
    public IdempotencyOutcome Outcome { get; }

    /// <summary>Gets the token that completes or abandons the key when <see cref="Outcome"/> is <see cref="IdempotencyOutcome.New"/>; otherwise <see langword="null"/>.</summary>
    public string? LeaseToken { get; }

    /// <summary>Gets the stored result when <see cref="Outcome"/> is <see cref="IdempotencyOutcome.Completed"/>; otherwise empty.</summary>
    public ReadOnlyMemory<byte> StoredResult { get; }

    /// <summary>Gets when the record of the key expires and the key may be used afresh.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the stable error code when the caller must not proceed (see <see cref="DeliveryErrorCodes"/>); otherwise <see langword="null"/>.</summary>
    public string? ErrorCode => Outcome switch
    {
        IdempotencyOutcome.Mismatch => DeliveryErrorCodes.IdempotencyMismatch,
        IdempotencyOutcome.InFlight => DeliveryErrorCodes.IdempotencyInFlight,
        _ => null,
    };

    /// <summary>Creates a <see cref="IdempotencyOutcome.New"/> result; for store implementations.</summary>
    /// <param name="leaseToken">The token the caller completes or abandons the key with.</param>
    /// <param name="expiresAt">When the record expires.</param>
    /// <returns>The result.</returns>
    public static IdempotencyResult New(string leaseToken, DateTimeOffset expiresAt) => new(IdempotencyOutcome.New, leaseToken, default, expiresAt);

    /// <summary>Creates an <see cref="IdempotencyOutcome.InFlight"/> result; for store implementations.</summary>
    /// <param name="expiresAt">When the record expires.</param>
    /// <returns>The result.</returns>
    public static IdempotencyResult InFlight(DateTimeOffset expiresAt) => new(IdempotencyOutcome.InFlight, null, default, expiresAt);

    /// <summary>Creates a <see cref="IdempotencyOutcome.Completed"/> result; for store implementations.</summary>
    /// <param name="storedResult">The result stored on completion.</param>
    /// <param name="expiresAt">When the record expires.</param>
    /// <returns>The result.</returns>
    public static IdempotencyResult Completed(ReadOnlyMemory<byte> storedResult, DateTimeOffset expiresAt) => new(IdempotencyOutcome.Completed, null, storedResult, expiresAt);

    /// <summary>Creates a <see cref="IdempotencyOutcome.Mismatch"/> result; for store implementations.</summary>
    /// <param name="expiresAt">When the record expires.</param>
    /// <returns>The result.</returns>
    public static IdempotencyResult Mismatch(DateTimeOffset expiresAt) => new(IdempotencyOutcome.Mismatch, null, default, expiresAt);
}
