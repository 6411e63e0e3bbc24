using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>Adds an API key to every request, in a header or in the query string. <see cref="object.ToString"/> never shows the key.</summary>
public sealed class ApiKeyHandler : DelegatingHandler
{
    private readonly string _name;
    private readonly string _key;
    private readonly ApiKeyLocation _location;

    /// <summary>Initializes a new handler.</summary>
    /// <param name="name">The header or query parameter name.</param>
    /// <param name="key">The key.</param>
    /// <param name="location">Where the key goes.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="key"/> is empty, or <paramref name="location"/> is not defined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="key"/> is <see langword="null"/>.</exception>
    public ApiKeyHandler(string name, string key, ApiKeyLocation location = ApiKeyLocation.Header)
    {
        _name = Guard.Against.NullOrWhiteSpace(name);
        _key = Guard.Against.NullOrEmpty(key);
        _location = Guard.Against.EnumOutOfRange(location);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request);
        if (_location == ApiKeyLocation.Header)
        {
            request.Headers.Remove(_name);
            request.Headers.TryAddWithoutValidation(_name, _key);
        }
        else if (request.RequestUri is { } uri)
        {
            request.RequestUri = Http.Internal.QueryString.With(uri, _name, _key);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"ApiKey({_location} '{_name}', ***)";
}
