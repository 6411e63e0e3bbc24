using System.Net.Http.Headers;
using System.Text;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>Adds HTTP Basic credentials to every request. <see cref="object.ToString"/> never shows the password.</summary>
public sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly string _userName;
    private readonly AuthenticationHeaderValue _header;

    /// <summary>Initializes a new handler.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <exception cref="ArgumentException"><paramref name="userName"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="userName"/> or <paramref name="password"/> is <see langword="null"/>.</exception>
    public BasicAuthenticationHandler(string userName, string password)
    {
        _userName = Guard.Against.NullOrEmpty(userName);
        Guard.Against.Null(password);
        _header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request).Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"Basic('{_userName}', ***)";
}
