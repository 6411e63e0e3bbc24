using System.Net;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http;

/// <summary>One row of an <see cref="HttpErrorClassification"/>: a predicate on a response and what to do when it matches.</summary>
public sealed class HttpErrorRule
{
    private readonly Func<HttpResponseMessage, bool> _predicate;

    /// <summary>Initializes a new rule.</summary>
    /// <param name="name">A short name for logs and tests, for example <c>503</c> or <c>delete-not-found</c>.</param>
    /// <param name="predicate">Whether the rule applies to a response; the request is at <see cref="HttpResponseMessage.RequestMessage"/>.</param>
    /// <param name="action">What to do with a matching response.</param>
    /// <param name="mayHaveTakenEffect">
    /// Whether a write that got this response may still have been applied by the target (a 5xx may; a 408 or 429 says it was not).
    /// A write that is not retried in the call and may have taken effect is reported as <see cref="HttpCallOutcome.Ambiguous"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or <paramref name="action"/> is not defined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="predicate"/> is <see langword="null"/>.</exception>
    public HttpErrorRule(string name, Func<HttpResponseMessage, bool> predicate, HttpErrorAction action, bool mayHaveTakenEffect = false)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        _predicate = Guard.Against.Null(predicate);
        Action = Guard.Against.EnumOutOfRange(action);
        MayHaveTakenEffect = mayHaveTakenEffect;
    }

    /// <summary>Gets the rule's name.</summary>
    public string Name { get; }

    /// <summary>Gets what to do with a matching response.</summary>
    public HttpErrorAction Action { get; }

    /// <summary>Gets a value indicating whether a write that got a matching response may have been applied by the target.</summary>
    public bool MayHaveTakenEffect { get; }

    /// <summary>Creates a rule for one status code.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="action">What to do.</param>
    /// <param name="mayHaveTakenEffect">Whether a write that got it may have been applied.</param>
    /// <returns>The rule.</returns>
    public static HttpErrorRule ForStatus(HttpStatusCode status, HttpErrorAction action, bool mayHaveTakenEffect = false) =>
        new(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.StatusCode == status, action, mayHaveTakenEffect);

    /// <summary>Creates a rule for a range of status codes, both ends included.</summary>
    /// <param name="first">The first status code.</param>
    /// <param name="last">The last status code.</param>
    /// <param name="action">What to do.</param>
    /// <param name="mayHaveTakenEffect">Whether a write that got one may have been applied.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException"><paramref name="last"/> is less than <paramref name="first"/>.</exception>
    public static HttpErrorRule ForStatusRange(int first, int last, HttpErrorAction action, bool mayHaveTakenEffect = false)
    {
        Guard.Against.OutOfRange(last, nameof(last), first, int.MaxValue);
        return new($"{first}-{last}", r => (int)r.StatusCode >= first && (int)r.StatusCode <= last, action, mayHaveTakenEffect);
    }

    /// <summary>Tells whether the rule applies to a response.</summary>
    /// <param name="response">The response.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    public bool Matches(HttpResponseMessage response) => _predicate(Guard.Against.Null(response));

    /// <inheritdoc />
    public override string ToString() => $"{Name} -> {Action}";
}
