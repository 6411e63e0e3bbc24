using Ardalis.GuardClauses;
using Connectivity.Connectors.Http.Authentication;
using Connectivity.Connectors.Http.Internal;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Connectivity.Connectors.Http;

/// <summary>
/// Sends a connector's requests through its named <see cref="HttpClient"/> (and so through its write-safe resilience profile and
/// authentication) and turns every expected failure into an <see cref="HttpCallResult"/>. Thread-safe; registered per connector name.
/// </summary>
public sealed partial class ConnectorClient
{
    private readonly IHttpClientFactory _httpClientFactory;

    /// <summary>Initializes a new client.</summary>
    /// <param name="name">The connector name (the name of its <see cref="HttpClient"/> and options).</param>
    /// <param name="httpClientFactory">The factory that makes the connector's <see cref="HttpClient"/>.</param>
    /// <param name="options">The connector's options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ConnectorClient(string name, IHttpClientFactory httpClientFactory, ConnectorOptions options, TimeProvider timeProvider)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        _httpClientFactory = Guard.Against.Null(httpClientFactory);
        Options = Guard.Against.Null(options);
        TimeProvider = Guard.Against.Null(timeProvider);
    }

    /// <summary>Gets the connector name.</summary>
    public string Name { get; }

    /// <summary>Gets the connector's options.</summary>
    public ConnectorOptions Options { get; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Sends a request through the connector's pipeline and classifies what came back. A retry-safe request (a safe method, or one that
    /// carries the idempotency-key header) may be sent several times within the budget; any other is sent once.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="ConnectorOptions.BaseAddress"/>.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result; dispose it to release the response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<HttpCallResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var retrySafe = RequestSafety.IsRetrySafe(request, Options.IdempotencyKeyHeader);
        var method = request.Method.Method;
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(Name)
                .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            return Failure(HttpCallOutcome.TransientFailure, HttpErrorCodes.CircuitOpen,
                $"{method}: the circuit breaker of the target is open; the request was not sent.",
                TimeProvider.GetUtcNow() + Options.Resilience.CircuitBreakerBreakDuration);
        }
        catch (RateLimiterRejectedException exception)
        {
            return Failure(HttpCallOutcome.RateLimited, HttpErrorCodes.RateLimited,
                $"{method}: the client-side quota refused the request; it was not sent.",
                TimeProvider.GetUtcNow() + (exception.RetryAfter ?? Options.Resilience.RateLimitWindow));
        }
        catch (AccessTokenException exception)
        {
            return Failure(exception.IsTransient ? HttpCallOutcome.TransientFailure : HttpCallOutcome.PermanentFailure,
                HttpErrorCodes.AuthenticationFailed, $"{method}: no access token: {exception.Message}", null);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or OperationCanceledException)
        {
            return retrySafe
                ? Failure(HttpCallOutcome.TransientFailure, HttpErrorCodes.TransientFailure, $"{method}: timed out.", null)
                : Failure(HttpCallOutcome.Ambiguous, HttpErrorCodes.AmbiguousOutcome,
                    $"{method}: timed out after the request was sent; the target may or may not have applied it.", null);
        }
        catch (HttpRequestException exception)
        {
            return retrySafe || RequestSafety.NeverSent(exception)
                ? Failure(HttpCallOutcome.TransientFailure, HttpErrorCodes.TransientFailure, $"{method}: {exception.HttpRequestError}.", null)
                : Failure(HttpCallOutcome.Ambiguous, HttpErrorCodes.AmbiguousOutcome,
                    $"{method}: the connection failed after the request was sent ({exception.HttpRequestError}); the target may or may not have applied it.", null);
        }

        return Classify(response, retrySafe);
    }

    private HttpCallResult Classify(HttpResponseMessage response, bool retrySafe)
    {
        var rule = Options.ErrorClassification.Classify(response);
        var status = (int)response.StatusCode;
        var method = response.RequestMessage?.Method.Method ?? "request";
        switch (rule.Action)
        {
            case HttpErrorAction.Succeed:
                return new HttpCallResult(HttpCallOutcome.Succeeded, response, null, null, null, rule.Name);
            case HttpErrorAction.Ignore:
                return new HttpCallResult(HttpCallOutcome.Ignored, response, null, null, null, rule.Name);
            case HttpErrorAction.RateLimited:
                return new HttpCallResult(HttpCallOutcome.RateLimited, response, HttpErrorCodes.RateLimited,
                    $"{method}: the target answered {status} (rate limited).", NotBefore(response), rule.Name);
            case HttpErrorAction.Retry when retrySafe || !rule.MayHaveTakenEffect:
                return new HttpCallResult(HttpCallOutcome.TransientFailure, response, HttpErrorCodes.TransientFailure,
                    $"{method}: the target answered {status}.", NotBefore(response), rule.Name);
            case HttpErrorAction.Retry:
                return new HttpCallResult(HttpCallOutcome.Ambiguous, response, HttpErrorCodes.AmbiguousOutcome,
                    $"{method}: the target answered {status}; it may or may not have applied the request.", NotBefore(response), rule.Name);
            case HttpErrorAction.RefreshTokenThenRetry:
                return new HttpCallResult(HttpCallOutcome.PermanentFailure, response, HttpErrorCodes.AuthenticationFailed,
                    $"{method}: the target refused the credentials ({status}).", null, rule.Name);
            default:
                return new HttpCallResult(HttpCallOutcome.PermanentFailure, response, HttpErrorCodes.PermanentFailure,
                    $"{method}: the target answered {status}.", null, rule.Name);
        }
    }

    private DateTimeOffset? NotBefore(HttpResponseMessage response)
    {
        var now = TimeProvider.GetUtcNow();
        return RetryAfterHeaders.GetDelay(response, now) is { } wait ? now + wait : null;
    }

    private static HttpCallResult Failure(HttpCallOutcome outcome, string code, string reason, DateTimeOffset? notBefore) =>
        new(outcome, null, code, reason, notBefore, null);
}
