using System.Diagnostics.CodeAnalysis;
using Connectivity.Connectors.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Connectivity.AspNetCore.Webhooks.Internal;

/// <summary>Adapts <see cref="IHeaderDictionary"/> (already case-insensitive) to <see cref="IWebhookHeaders"/> without copying.</summary>
internal sealed class HttpRequestWebhookHeaders(IHeaderDictionary headers) : IWebhookHeaders
{
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (headers.TryGetValue(name, out var values) && values.Count > 0)
        {
            // Repeated field lines are combined as RFC 9110 describes, as IWebhookHeaders requires.
            value = values.Count == 1 ? values[0] ?? string.Empty : string.Join(", ", values.ToArray());
            return true;
        }

        value = null;
        return false;
    }
}
