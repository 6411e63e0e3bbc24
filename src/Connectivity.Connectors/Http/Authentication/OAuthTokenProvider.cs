using System.Globalization;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>
/// An <see cref="IAccessTokenProvider"/> for the OAuth 2.0 client credentials and refresh token grants. It caches the token,
/// replaces it <see cref="OAuthTokenOptions.RefreshBeforeExpiry"/> before it expires (by <see cref="TimeProvider"/>), and fetches
/// one token at a time however many calls wait. Thread-safe.
/// </summary>
public sealed class OAuthTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly OAuthTokenOptions _options;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;
    private string? _refreshToken;

    /// <summary>Initializes a new provider.</summary>
    /// <param name="options">How to obtain tokens; read once, here.</param>
    /// <param name="httpClient">The client that calls the token endpoint.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or a required option is not set.</exception>
    /// <exception cref="ArgumentException">The refresh token grant has no refresh token.</exception>
    public OAuthTokenProvider(OAuthTokenOptions options, HttpClient httpClient, TimeProvider timeProvider)
    {
        _options = Guard.Against.Null(options);
        Guard.Against.Null(options.TokenEndpoint, nameof(options), "OAuthTokenOptions.TokenEndpoint must be set.");
        Guard.Against.NullOrWhiteSpace(options.ClientId, nameof(options), "OAuthTokenOptions.ClientId must be set.");
        if (options.GrantType == OAuthGrantType.RefreshToken)
        {
            Guard.Against.NullOrWhiteSpace(options.RefreshToken, nameof(options), "OAuthTokenOptions.RefreshToken must be set for the refresh token grant.");
        }

        _httpClient = Guard.Against.Null(httpClient);
        _timeProvider = Guard.Against.Null(timeProvider);
        _refreshToken = options.RefreshToken;
    }

    /// <summary>Gets how many tokens this provider has fetched from the token endpoint.</summary>
    public int TokensFetched { get; private set; }

    /// <inheritdoc />
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && IsFresh(fresh))
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && IsFresh(again))
            {
                return again;
            }

            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken> RefreshAsync(AccessToken rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller already replaced the refused token: use its replacement rather than fetch again.
            if (_cached is { } current && current != rejected && IsFresh(current))
            {
                return current;
            }

            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Describes the provider without its secrets.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => _options.ToString();

    private bool IsFresh(AccessToken token) =>
        token.ExpiresAt is not { } expiresAt || _timeProvider.GetUtcNow() < expiresAt - _options.RefreshBeforeExpiry;

    private async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", _options.GrantType == OAuthGrantType.ClientCredentials ? "client_credentials" : "refresh_token"),
            new("client_id", _options.ClientId!),
        };
        if (_options.ClientSecret is { } secret)
        {
            form.Add(new("client_secret", secret));
        }

        if (_options.GrantType == OAuthGrantType.RefreshToken)
        {
            form.Add(new("refresh_token", _refreshToken!));
        }

        if (_options.Scope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            // The inner exception may carry the endpoint, never the form body; keep only the error kind.
            throw new AccessTokenException($"The token endpoint could not be reached ({exception.HttpRequestError}).", isTransient: true);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var transient = (int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests;
                throw new AccessTokenException(
                    $"The token endpoint answered {(int)response.StatusCode}{DescribeOAuthError(body)}.", transient);
            }

            var (value, expiresIn, refreshToken) = ParseTokenResponse(body);
            DateTimeOffset? expiresAt = expiresIn is { } seconds ? _timeProvider.GetUtcNow().AddSeconds(seconds) : null;
            var token = new AccessToken(value, expiresAt);
            if (refreshToken is not null)
            {
                _refreshToken = refreshToken;
            }

            _cached = token;
            TokensFetched++;
            return token;
        }
    }

    private static (string Value, double? ExpiresIn, string? RefreshToken) ParseTokenResponse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(accessToken.GetString()))
            {
                throw new AccessTokenException("The token endpoint's response has no access_token.");
            }

            double? expiresIn = null;
            if (root.TryGetProperty("expires_in", out var expires))
            {
                expiresIn = expires.ValueKind switch
                {
                    JsonValueKind.Number => expires.GetDouble(),
                    JsonValueKind.String when double.TryParse(expires.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => null,
                };
            }

            var refresh = root.TryGetProperty("refresh_token", out var refreshElement) && refreshElement.ValueKind == JsonValueKind.String
                ? refreshElement.GetString()
                : null;
            return (accessToken.GetString()!, expiresIn, refresh);
        }
        catch (JsonException)
        {
            throw new AccessTokenException("The token endpoint's response is not JSON.");
        }
    }

    private static string DescribeOAuthError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? $" ({error.GetString()})"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
