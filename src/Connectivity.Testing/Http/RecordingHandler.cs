using Ardalis.GuardClauses;
using Connectivity.Testing.Http.Internal;

namespace Connectivity.Testing.Http;

/// <summary>
/// Records every exchange that passes through it into an <see cref="HttpCassette"/>, secrets redacted by the
/// <see cref="RedactionRules"/>, so a session against a vendor sandbox becomes a committed test fixture. Put it
/// outermost in the handler chain (after auth handlers run, their headers are still redacted).
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly RedactionRules _rules;
    private readonly object _gate = new();

    /// <summary>Initializes a new instance of the <see cref="RecordingHandler"/> class.</summary>
    /// <param name="innerHandler">The handler that talks to the real system.</param>
    /// <param name="rules">What to redact; <see cref="RedactionRules.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerHandler"/> is <see langword="null"/>.</exception>
    public RecordingHandler(HttpMessageHandler innerHandler, RedactionRules? rules = null)
        : base(Guard.Against.Null(innerHandler))
    {
        _rules = rules ?? RedactionRules.Default;
    }

    /// <summary>Gets the exchanges recorded so far.</summary>
    public HttpCassette Cassette { get; } = new();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request);
        if (request.Content is not null)
        {
            // Read the body once, for the record, and send the same bytes on.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var recordedRequest = await Redactor.RecordAsync(request, _rules, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var recordedResponse = await Redactor.RecordAsync(response, _rules, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            Cassette.Interactions.Add(new HttpInteraction { Request = recordedRequest, Response = recordedResponse });
        }

        return response;
    }
}
