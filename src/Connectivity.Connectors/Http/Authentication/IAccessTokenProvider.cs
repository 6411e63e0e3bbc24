namespace Connectivity.Connectors.Http.Authentication;

/// <summary>Supplies access tokens to a <see cref="BearerTokenHandler"/>. Implementations are thread-safe and cache their token.</summary>
public interface IAccessTokenProvider
{
    /// <summary>Gets a token that is valid now (a cached one, refreshed before it expires).</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The token.</returns>
    /// <exception cref="AccessTokenException">No token could be obtained.</exception>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Gets a new token because the target refused <paramref name="rejected"/>; a provider that already replaced it returns the replacement.</summary>
    /// <param name="rejected">The token the target refused.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The new token.</returns>
    /// <exception cref="AccessTokenException">No token could be obtained.</exception>
    ValueTask<AccessToken> RefreshAsync(AccessToken rejected, CancellationToken cancellationToken);
}
