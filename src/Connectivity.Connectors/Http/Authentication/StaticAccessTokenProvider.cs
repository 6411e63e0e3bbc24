using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>An <see cref="IAccessTokenProvider"/> for a fixed token (a personal access token, a long-lived API token).</summary>
public sealed class StaticAccessTokenProvider : IAccessTokenProvider
{
    private readonly AccessToken _token;

    /// <summary>Initializes a new provider.</summary>
    /// <param name="token">The token.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    public StaticAccessTokenProvider(string token)
    {
        _token = new AccessToken(Guard.Against.NullOrWhiteSpace(token), null);
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_token);

    /// <inheritdoc />
    /// <remarks>A fixed token cannot be refreshed: the same token is returned and the target's refusal stands.</remarks>
    public ValueTask<AccessToken> RefreshAsync(AccessToken rejected, CancellationToken cancellationToken) => new(_token);

    /// <inheritdoc />
    public override string ToString() => "StaticAccessToken(***)";
}
