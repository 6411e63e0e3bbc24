namespace Connectivity.Connectors.Http.Authentication.Internal;

/// <summary>The defaults of authentication.</summary>
internal static class AuthenticationConstants
{
    public static readonly TimeSpan DefaultRefreshBeforeExpiry = TimeSpan.FromSeconds(60);

    public const string TokenHttpClientName = "Connectivity.OAuth";

    public const string Redacted = "***";
}
