using Connectivity.Connectors.Http.Authentication.Internal;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>How an <see cref="OAuthTokenProvider"/> obtains tokens. <see cref="object.ToString"/> never shows a secret.</summary>
public sealed class OAuthTokenOptions
{
    /// <summary>Gets or sets the token endpoint.</summary>
    /// <value>The default value is <see langword="null"/>; it must be set.</value>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Gets or sets the grant.</summary>
    /// <value>The default value is <see cref="OAuthGrantType.ClientCredentials"/>.</value>
    public OAuthGrantType GrantType { get; set; } = OAuthGrantType.ClientCredentials;

    /// <summary>Gets or sets the client id.</summary>
    /// <value>The default value is <see langword="null"/>; it must be set.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret (sent in the form body). Never logged.</summary>
    /// <value>The default value is <see langword="null"/>: a public client.</value>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the refresh token of the <see cref="OAuthGrantType.RefreshToken"/> grant. Never logged; a rotated one replaces it in memory.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RefreshToken { get; set; }

    /// <summary>Gets or sets the scope to ask for.</summary>
    /// <value>The default value is <see langword="null"/>: none.</value>
    public string? Scope { get; set; }

    /// <summary>Gets or sets how long before it expires a cached token is replaced.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan RefreshBeforeExpiry { get; set; } = AuthenticationConstants.DefaultRefreshBeforeExpiry;

    /// <summary>Describes the options without their secrets.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"OAuth {GrantType} at {TokenEndpoint}, client '{ClientId}', secret {(ClientSecret is null ? "none" : AuthenticationConstants.Redacted)}";
}
