using System.Net;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http;

/// <summary>
/// Error classification as data: an ordered table of <see cref="HttpErrorRule"/>s, first match wins. A response no rule matches
/// succeeds when its status is below 400 and fails otherwise. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>The <see cref="Default"/> table, in order:</para>
/// <list type="table">
/// <listheader><term>rule</term><description>action</description></listheader>
/// <item><term><c>DELETE</c> 404 / 410</term><description><see cref="HttpErrorAction.Ignore"/>: already gone.</description></item>
/// <item><term>401</term><description><see cref="HttpErrorAction.RefreshTokenThenRetry"/>.</description></item>
/// <item><term>408</term><description><see cref="HttpErrorAction.Retry"/>; not applied.</description></item>
/// <item><term>429</term><description><see cref="HttpErrorAction.RateLimited"/>; not applied.</description></item>
/// <item><term>501, 505</term><description><see cref="HttpErrorAction.Fail"/>.</description></item>
/// <item><term>500-599 (503 included)</term><description><see cref="HttpErrorAction.Retry"/>; a write may have taken effect (a 503 can come
/// from a gateway after the request reached the application), so an unkeyed write is reported as ambiguous.</description></item>
/// <item><term>200-399</term><description><see cref="HttpErrorAction.Succeed"/>.</description></item>
/// <item><term>400-499</term><description><see cref="HttpErrorAction.Fail"/>.</description></item>
/// </list>
/// </remarks>
public sealed class HttpErrorClassification
{
    private static readonly HttpErrorRule SuccessFallback = new("success", static _ => true, HttpErrorAction.Succeed);
    private static readonly HttpErrorRule FailureFallback = new("failure", static _ => true, HttpErrorAction.Fail);

    /// <summary>Initializes a new table.</summary>
    /// <param name="rules">The rules, first match wins.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of them is <see langword="null"/>.</exception>
    public HttpErrorClassification(IEnumerable<HttpErrorRule> rules)
    {
        Guard.Against.Null(rules);
        var list = rules.ToArray();
        foreach (var rule in list)
        {
            Guard.Against.Null(rule, nameof(rules));
        }

        Rules = list;
    }

    /// <summary>Gets the default table (see the remarks of <see cref="HttpErrorClassification"/>).</summary>
    public static HttpErrorClassification Default { get; } = new(
    [
        new HttpErrorRule("delete-gone", static r => r.RequestMessage?.Method == HttpMethod.Delete && r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone, HttpErrorAction.Ignore),
        HttpErrorRule.ForStatus(HttpStatusCode.Unauthorized, HttpErrorAction.RefreshTokenThenRetry),
        HttpErrorRule.ForStatus(HttpStatusCode.RequestTimeout, HttpErrorAction.Retry),
        HttpErrorRule.ForStatus(HttpStatusCode.TooManyRequests, HttpErrorAction.RateLimited),
        HttpErrorRule.ForStatus(HttpStatusCode.NotImplemented, HttpErrorAction.Fail),
        HttpErrorRule.ForStatus(HttpStatusCode.HttpVersionNotSupported, HttpErrorAction.Fail),
        HttpErrorRule.ForStatusRange(500, 599, HttpErrorAction.Retry, mayHaveTakenEffect: true),
    ]);

    /// <summary>Gets the rules, in the order they are tried.</summary>
    public IReadOnlyList<HttpErrorRule> Rules { get; }

    /// <summary>Finds the rule for a response.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The first matching rule, or a fallback: success below 400, failure otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    public HttpErrorRule Classify(HttpResponseMessage response)
    {
        Guard.Against.Null(response);
        foreach (var rule in Rules)
        {
            if (rule.Matches(response))
            {
                return rule;
            }
        }

        return (int)response.StatusCode < 400 ? SuccessFallback : FailureFallback;
    }
}
