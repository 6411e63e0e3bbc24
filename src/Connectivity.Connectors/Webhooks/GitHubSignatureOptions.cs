namespace Connectivity.Connectors.Webhooks;

/// <summary>Options of <see cref="GitHubSignatureScheme"/>.</summary>
public sealed class GitHubSignatureOptions
{
    /// <summary>
    /// Gets the webhook secrets, used as UTF-8 text. A delivery verifies when it is signed with any
    /// of them, so during a rotation configure the new secret and the old one.
    /// </summary>
    /// <value>The default value is an empty list; at least one secret is required.</value>
    public IList<string> Secrets { get; } = [];

    /// <summary>Describes the options with the secrets redacted.</summary>
    /// <returns>A description that never contains a secret.</returns>
    public override string ToString() => $"{nameof(GitHubSignatureOptions)} {{ Secrets = [{Secrets.Count} redacted] }}";
}
