namespace Connectivity.Connectors.Http.Authentication;

/// <summary>The OAuth 2.0 grant an <see cref="OAuthTokenProvider"/> uses.</summary>
public enum OAuthGrantType
{
    /// <summary>The client credentials grant (RFC 6749 §4.4).</summary>
    ClientCredentials = 0,

    /// <summary>The refresh token grant (RFC 6749 §6).</summary>
    RefreshToken = 1,
}
