using Ardalis.GuardClauses;
using Connectivity.Connectors.Http.Authentication.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>
/// How a connector authenticates: set on <see cref="ConnectorOptions.Authentication"/>, it makes the connector's authentication
/// handler, which runs inside the resilience pipeline (so every attempt carries valid credentials).
/// <see cref="object.ToString"/> never shows a secret.
/// </summary>
public abstract class HttpAuthentication
{
    /// <summary>Makes the handler; called each time the <see cref="IHttpClientFactory"/> builds the connector's handler chain.</summary>
    /// <param name="services">The service provider.</param>
    /// <param name="options">The connector's options.</param>
    /// <returns>The handler.</returns>
    public abstract DelegatingHandler CreateHandler(IServiceProvider services, ConnectorOptions options);

    /// <summary>An API key in a header or the query string.</summary>
    /// <param name="name">The header or query parameter name.</param>
    /// <param name="key">The key.</param>
    /// <param name="location">Where it goes.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="key"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="key"/> is <see langword="null"/>.</exception>
    public static HttpAuthentication ApiKey(string name, string key, ApiKeyLocation location = ApiKeyLocation.Header)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.NullOrEmpty(key);
        return new Delegate($"ApiKey({location} '{name}', ***)", (_, _) => new ApiKeyHandler(name, key, location));
    }

    /// <summary>HTTP Basic credentials.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentException"><paramref name="userName"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="userName"/> or <paramref name="password"/> is <see langword="null"/>.</exception>
    public static HttpAuthentication Basic(string userName, string password)
    {
        Guard.Against.NullOrEmpty(userName);
        Guard.Against.Null(password);
        return new Delegate($"Basic('{userName}', ***)", (_, _) => new BasicAuthenticationHandler(userName, password));
    }

    /// <summary>A fixed bearer token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    public static HttpAuthentication Bearer(string token) => Bearer(new StaticAccessTokenProvider(token));

    /// <summary>Bearer tokens from a provider, refreshed once on a 401.</summary>
    /// <param name="tokens">The provider; shared by every handler of the connector.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is <see langword="null"/>.</exception>
    public static HttpAuthentication Bearer(IAccessTokenProvider tokens)
    {
        Guard.Against.Null(tokens);
        return new Delegate($"Bearer({tokens})", (_, options) => new BearerTokenHandler(tokens, options.ErrorClassification));
    }

    /// <summary>
    /// OAuth 2.0 (client credentials or refresh token grant): one cached token per connector, refreshed before it expires and once on a 401.
    /// The token endpoint is called through the plain named client <c>Connectivity.OAuth</c>.
    /// </summary>
    /// <param name="options">How to obtain tokens.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static HttpAuthentication OAuth(OAuthTokenOptions options)
    {
        Guard.Against.Null(options);
        return new OAuthAuthentication(options);
    }

    private sealed class Delegate(string description, Func<IServiceProvider, ConnectorOptions, DelegatingHandler> create) : HttpAuthentication
    {
        public override DelegatingHandler CreateHandler(IServiceProvider services, ConnectorOptions options) => create(services, options);

        public override string ToString() => description;
    }

    private sealed class OAuthAuthentication(OAuthTokenOptions options) : HttpAuthentication
    {
        private readonly Lock _lock = new();
        private OAuthTokenProvider? _provider;

        public override DelegatingHandler CreateHandler(IServiceProvider services, ConnectorOptions connectorOptions)
        {
            lock (_lock)
            {
                _provider ??= new OAuthTokenProvider(
                    options,
                    services.GetRequiredService<IHttpClientFactory>().CreateClient(AuthenticationConstants.TokenHttpClientName),
                    services.GetService<TimeProvider>() ?? TimeProvider.System);
                return new BearerTokenHandler(_provider, connectorOptions.ErrorClassification);
            }
        }

        public override string ToString() => options.ToString();
    }
}
