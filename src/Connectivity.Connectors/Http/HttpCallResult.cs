using System.Net;
using Connectivity.Delivery;

namespace Connectivity.Connectors.Http;

/// <summary>
/// The result of <see cref="ConnectorClient.SendAsync"/>: a value for every expected failure, with the response when there is one.
/// Dispose it to release the response.
/// </summary>
public sealed class HttpCallResult : IDisposable
{
    internal HttpCallResult(HttpCallOutcome outcome, HttpResponseMessage? response, string? errorCode, string? reason, DateTimeOffset? notBefore, string? rule)
    {
        Outcome = outcome;
        Response = response;
        ErrorCode = errorCode;
        Reason = reason;
        NotBefore = notBefore;
        RuleName = rule;
    }

    /// <summary>Gets what came of the call.</summary>
    public HttpCallOutcome Outcome { get; }

    /// <summary>Gets a value indicating whether the call succeeded (<see cref="HttpCallOutcome.Succeeded"/> or <see cref="HttpCallOutcome.Ignored"/>).</summary>
    public bool IsSuccess => Outcome is HttpCallOutcome.Succeeded or HttpCallOutcome.Ignored;

    /// <summary>Gets the final response (its content buffered), or <see langword="null"/> when none came back.</summary>
    public HttpResponseMessage? Response { get; }

    /// <summary>Gets the status code of the final response, or <see langword="null"/> when none came back.</summary>
    public HttpStatusCode? StatusCode => Response?.StatusCode;

    /// <summary>Gets the stable error code (<see cref="HttpErrorCodes"/>) of a failure; otherwise <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets why the call failed, without secrets; otherwise <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Gets the earliest time to try again that the target asked for (<c>Retry-After</c>, a rate-limit reset, an open breaker) and
    /// that did not fit in the call's budget; <see langword="null"/> when none.
    /// </summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>Gets the name of the classification rule that decided the outcome, or <see langword="null"/> when an exception did.</summary>
    public string? RuleName { get; }

    /// <summary>
    /// Turns the result into what the outbox dispatcher understands: success is delivered; a transient or rate-limited failure is
    /// retried on the dispatcher's schedule, no sooner than <see cref="NotBefore"/>; anything else, an ambiguous outcome included,
    /// is permanent.
    /// </summary>
    /// <param name="now">The current time, to turn <see cref="NotBefore"/> into a wait.</param>
    /// <returns>The delivery result.</returns>
    /// <remarks>
    /// An ambiguous outcome (a write without an idempotency key that may or may not have been applied) is never retried blindly: it is
    /// handed back as a permanent failure with <see cref="HttpErrorCodes.AmbiguousOutcome"/>, so the message is dead-lettered with that
    /// reason and replayed only once someone (or an entity writer's read-before-create) has checked the target. A write that carries an
    /// idempotency key is never ambiguous: the pipeline retries it with the same key.
    /// </remarks>
    public DeliveryResult ToDeliveryResult(DateTimeOffset now)
    {
        var reason = Reason ?? Outcome.ToString();
        TimeSpan? wait = NotBefore is { } notBefore ? (notBefore > now ? notBefore - now : TimeSpan.Zero) : null;
        return Outcome switch
        {
            HttpCallOutcome.Succeeded or HttpCallOutcome.Ignored => DeliveryResult.Delivered,
            HttpCallOutcome.TransientFailure or HttpCallOutcome.RateLimited => DeliveryResult.TransientFailure(reason, wait, ErrorCode),
            HttpCallOutcome.Ambiguous => DeliveryResult.PermanentFailure($"{reason}; the write may or may not have been applied, so it is not retried blindly: check the target, then replay", ErrorCode),
            _ => DeliveryResult.PermanentFailure(reason, ErrorCode),
        };
    }

    /// <inheritdoc />
    public void Dispose() => Response?.Dispose();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Outcome}{(StatusCode is { } status ? $" {(int)status}" : string.Empty)}{(ErrorCode is null ? string.Empty : $" {ErrorCode}")}{(NotBefore is { } nb ? $" not before {nb:O}" : string.Empty)}";
}
