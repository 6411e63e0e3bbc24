using System.Net;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Http;
using Connectivity.Delivery;

namespace Connectivity.Connectors.Entities;

/// <summary>The result of <see cref="EntityWriter{TEntity}.UpsertAsync"/>: the remote id on success, the reason and code on failure.</summary>
public readonly record struct EntityWriteResult
{
    private EntityWriteResult(EntityWriteOutcome outcome, string? remoteId, string? errorCode, string? reason, DateTimeOffset? notBefore, HttpStatusCode? statusCode)
    {
        Outcome = outcome;
        RemoteId = remoteId;
        ErrorCode = errorCode;
        Reason = reason;
        NotBefore = notBefore;
        StatusCode = statusCode;
    }

    /// <summary>Gets what came of the write.</summary>
    public EntityWriteOutcome Outcome { get; }

    /// <summary>Gets a value indicating whether the target holds the record now (<see cref="EntityWriteOutcome.Created"/>, <see cref="EntityWriteOutcome.Updated"/> or <see cref="EntityWriteOutcome.Existed"/>).</summary>
    public bool IsSuccess => Outcome is EntityWriteOutcome.Created or EntityWriteOutcome.Updated or EntityWriteOutcome.Existed;

    /// <summary>Gets the record's id in the target on success, to link in the identity map; <see langword="null"/> on failure or when the target did not say.</summary>
    public string? RemoteId { get; }

    /// <summary>Gets the stable error code of a failure (<see cref="HttpErrorCodes"/>, <see cref="EntityErrorCodes"/>); otherwise <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets why the write failed, without secrets; otherwise <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Gets the earliest time to try again that the target asked for, when known.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>Gets the status code of the last response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Creates a result that says the target created the record.</summary>
    /// <param name="remoteId">The new record's id in the target, when it said.</param>
    /// <param name="statusCode">The status code of the response.</param>
    /// <returns>The result.</returns>
    public static EntityWriteResult Created(string? remoteId, HttpStatusCode? statusCode = null) => new(EntityWriteOutcome.Created, remoteId, null, null, null, statusCode);

    /// <summary>Creates a result that says the target updated (or upserted) the record.</summary>
    /// <param name="remoteId">The record's id in the target, when known.</param>
    /// <param name="statusCode">The status code of the response.</param>
    /// <returns>The result.</returns>
    public static EntityWriteResult Updated(string? remoteId, HttpStatusCode? statusCode = null) => new(EntityWriteOutcome.Updated, remoteId, null, null, null, statusCode);

    /// <summary>Creates a result that says the record existed and was left as it is.</summary>
    /// <param name="remoteId">The record's id in the target.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="remoteId"/> is <see langword="null"/>.</exception>
    public static EntityWriteResult Existed(string remoteId) => new(EntityWriteOutcome.Existed, Guard.Against.NullOrWhiteSpace(remoteId), null, null, null, null);

    /// <summary>Creates a failure.</summary>
    /// <param name="outcome">A failure outcome.</param>
    /// <param name="errorCode">The stable error code; an <see cref="EntityWriteOutcome.Ambiguous"/> failure always carries <see cref="HttpErrorCodes.AmbiguousOutcome"/>.</param>
    /// <param name="reason">Why the write failed.</param>
    /// <param name="notBefore">The earliest time to try again, when known.</param>
    /// <param name="statusCode">The status code of the last response, when there was one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is a success, or a text is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="errorCode"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    public static EntityWriteResult Failure(EntityWriteOutcome outcome, string errorCode, string reason, DateTimeOffset? notBefore = null, HttpStatusCode? statusCode = null)
    {
        if (outcome is EntityWriteOutcome.Created or EntityWriteOutcome.Updated or EntityWriteOutcome.Existed || !Enum.IsDefined(outcome))
        {
            throw new ArgumentException("A failure needs a failure outcome.", nameof(outcome));
        }

        Guard.Against.NullOrWhiteSpace(errorCode);
        Guard.Against.NullOrWhiteSpace(reason);
        return new(outcome, null, outcome == EntityWriteOutcome.Ambiguous ? HttpErrorCodes.AmbiguousOutcome : errorCode, reason, notBefore, statusCode);
    }

    /// <summary>
    /// Turns the result into what the outbox dispatcher understands: a success is delivered (with the remote id when known); a transient or rate-limited failure is
    /// retried on the dispatcher's schedule, no sooner than <see cref="NotBefore"/>; an ambiguous outcome is a permanent failure with
    /// <see cref="HttpErrorCodes.AmbiguousOutcome"/> (dead-lettered, never retried blindly); anything else is permanent.
    /// </summary>
    /// <param name="now">The current time, to turn <see cref="NotBefore"/> into a wait.</param>
    /// <returns>The delivery result.</returns>
    public DeliveryResult ToDeliveryResult(DateTimeOffset now)
    {
        var reason = Reason ?? Outcome.ToString();
        TimeSpan? wait = NotBefore is { } notBefore ? (notBefore > now ? notBefore - now : TimeSpan.Zero) : null;
        return Outcome switch
        {
            EntityWriteOutcome.Created or EntityWriteOutcome.Updated or EntityWriteOutcome.Existed =>
                string.IsNullOrWhiteSpace(RemoteId) ? DeliveryResult.Delivered : DeliveryResult.DeliveredAs(RemoteId),
            EntityWriteOutcome.TransientFailure or EntityWriteOutcome.RateLimited => DeliveryResult.TransientFailure(reason, wait, ErrorCode),
            EntityWriteOutcome.Ambiguous => DeliveryResult.PermanentFailure(
                $"{reason}; the create may or may not have been applied and the writer's strategy could not settle it, so it is not retried blindly: check the target, then replay",
                HttpErrorCodes.AmbiguousOutcome),
            _ => DeliveryResult.PermanentFailure(reason, ErrorCode),
        };
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess
        ? $"{Outcome} {RemoteId}"
        : $"{Outcome} {ErrorCode}{(StatusCode is { } status ? $" {(int)status}" : string.Empty)}: {Reason}";
}
