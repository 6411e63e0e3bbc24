using System.Diagnostics.CodeAnalysis;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Case-insensitive, read-only access to the headers of a webhook delivery. Hosts adapt their own
/// request type to it (the ASP.NET Core endpoint helper wraps <c>HttpRequest.Headers</c>);
/// <see cref="WebhookHeaders"/> is a ready-made implementation.
/// </summary>
/// <remarks>
/// A header field received more than once is presented as one value, its field values joined with
/// <c>", "</c> as RFC 9110 describes for combining field lines.
/// </remarks>
public interface IWebhookHeaders
{
    /// <summary>Gets the value of a header, matching its name case-insensitively.</summary>
    /// <param name="name">The header name, for example <c>webhook-id</c>.</param>
    /// <param name="value">The header value when the header is present; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the header is present.</returns>
    bool TryGetValue(string name, [NotNullWhen(true)] out string? value);
}
