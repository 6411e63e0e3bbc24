using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ardalis.GuardClauses;
using Connectivity.Testing.Http.Internal;

namespace Connectivity.Testing.Http;

/// <summary>
/// Answers requests from a recorded <see cref="HttpCassette"/>, offline and deterministically. A request matches
/// the first unused exchange with the same method, URI (with the same redactions applied) and, by default,
/// body; each exchange answers once, so repeated requests (paging, retries after a 429) get the recorded
/// answers in order. A request nothing matches fails the test with <see cref="ReplayMismatchException"/>.
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    private readonly HttpCassette _cassette;
    private readonly RedactionRules _rules;
    private readonly bool _matchBody;
    private readonly bool[] _used;
    private readonly object _gate = new();

    /// <summary>Initializes a new instance of the <see cref="ReplayHandler"/> class.</summary>
    /// <param name="cassette">The recorded exchanges.</param>
    /// <param name="rules">The redactions the recording applied; <see cref="RedactionRules.Default"/> when <see langword="null"/>.</param>
    /// <param name="matchBody">Whether request bodies must match too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cassette"/> is <see langword="null"/>.</exception>
    public ReplayHandler(HttpCassette cassette, RedactionRules? rules = null, bool matchBody = true)
    {
        _cassette = Guard.Against.Null(cassette);
        _rules = rules ?? RedactionRules.Default;
        _matchBody = matchBody;
        _used = new bool[cassette.Interactions.Count];
    }

    /// <summary>Gets how many recorded exchanges have not been replayed yet.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _used.Count(static u => !u);
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request);
        var asked = await Redactor.RecordAsync(request, _rules, cancellationToken).ConfigureAwait(false);
        HttpInteraction? match = null;
        lock (_gate)
        {
            for (var i = 0; i < _used.Length; i++)
            {
                var recorded = _cassette.Interactions[i].Request;
                if (!_used[i] && Matches(recorded, asked))
                {
                    _used[i] = true;
                    match = _cassette.Interactions[i];
                    break;
                }
            }
        }

        if (match is null)
        {
            throw new ReplayMismatchException(Describe(asked));
        }

        return ToResponse(match.Response, request);
    }

    private bool Matches(RecordedRequest recorded, RecordedRequest asked)
        => string.Equals(recorded.Method, asked.Method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(recorded.Uri, asked.Uri, StringComparison.Ordinal)
            && (!_matchBody || (recorded.Body == asked.Body && recorded.BodyBase64 == asked.BodyBase64));

    private string Describe(RecordedRequest asked)
    {
        var text = new StringBuilder()
            .Append("No recorded exchange matches ").Append(asked.Method).Append(' ').Append(asked.Uri);
        if (_matchBody && asked.Body is not null)
        {
            text.Append(" with body ").Append(asked.Body.Length > 200 ? asked.Body[..200] + "..." : asked.Body);
        }

        text.Append(". Not yet replayed:");
        var any = false;
        lock (_gate)
        {
            for (var i = 0; i < _used.Length; i++)
            {
                if (!_used[i])
                {
                    var request = _cassette.Interactions[i].Request;
                    text.Append("\n  #").Append(i).Append(' ').Append(request.Method).Append(' ').Append(request.Uri);
                    any = true;
                }
            }
        }

        return any ? text.ToString() : text.Append(" nothing (every recorded exchange was used).").ToString();
    }

    private static HttpResponseMessage ToResponse(RecordedResponse recorded, HttpRequestMessage request)
    {
        var body = recorded.BodyBase64 is { } base64 ? Convert.FromBase64String(base64) : Encoding.UTF8.GetBytes(recorded.Body ?? string.Empty);
        var response = new HttpResponseMessage((HttpStatusCode)recorded.Status) { RequestMessage = request, Content = new ByteArrayContent(body) };
        foreach (var (name, value) in recorded.Headers)
        {
            // The body is whole here: its length and transfer coding are the new content's own.
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            _ = response.Headers.TryAddWithoutValidation(name, value) || response.Content.Headers.TryAddWithoutValidation(name, value);
        }

        if (response.Content.Headers.ContentType is null && recorded.Headers.TryGetValue("Content-Type", out var type) && MediaTypeHeaderValue.TryParse(type, out var parsed))
        {
            response.Content.Headers.ContentType = parsed;
        }

        return response;
    }
}
