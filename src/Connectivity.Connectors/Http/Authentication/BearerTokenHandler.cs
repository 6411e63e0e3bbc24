using System.Net.Http.Headers;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>
/// Adds a bearer token from an <see cref="IAccessTokenProvider"/> to every request. When the response is one the classification
/// marks <see cref="HttpErrorAction.RefreshTokenThenRetry"/> (401 by default), it refreshes the token once and sends the request
/// again (its body was buffered by the connector).
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;
    private readonly HttpErrorClassification _classification;

    /// <summary>Initializes a new handler.</summary>
    /// <param name="tokens">Where the tokens come from.</param>
    /// <param name="classification">Which responses mean "refresh the token"; <see cref="HttpErrorClassification.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is <see langword="null"/>.</exception>
    public BearerTokenHandler(IAccessTokenProvider tokens, HttpErrorClassification? classification = null)
    {
        _tokens = Guard.Against.Null(tokens);
        _classification = classification ?? HttpErrorClassification.Default;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request);
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (_classification.Classify(response).Action != HttpErrorAction.RefreshTokenThenRetry)
        {
            return response;
        }

        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        response.Dispose();
        var refreshed = await _tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Bearer({_tokens.GetType().Name})";
}
