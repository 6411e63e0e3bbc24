using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// A small case-insensitive header collection for building a <see cref="WebhookDelivery"/> outside
/// ASP.NET Core: in tests, simulated systems, queue consumers that received the headers alongside the body.
/// </summary>
/// <example>
/// <code>
/// var headers = new WebhookHeaders
/// {
///     { "webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek" },
///     { "webhook-timestamp", "1614265330" },
///     { "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" },
/// };
/// </code>
/// </example>
public sealed class WebhookHeaders : IWebhookHeaders, IEnumerable<KeyValuePair<string, string>>
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a new, empty instance of the <see cref="WebhookHeaders"/> class.</summary>
    public WebhookHeaders()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WebhookHeaders"/> class with the given headers.</summary>
    /// <param name="headers">The headers; a repeated name is combined as <see cref="Add(string, string)"/> describes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or a header value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A header name is null, empty or white space.</exception>
    public WebhookHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        Guard.Against.Null(headers);
        foreach (var header in headers)
        {
            Add(header.Key, header.Value);
        }
    }

    /// <summary>Gets the number of distinct header names.</summary>
    public int Count => _values.Count;

    /// <summary>
    /// Adds a header. Adding a name that is already present (in any case) joins the values with
    /// <c>", "</c>, as an HTTP server combines repeated field lines.
    /// </summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public void Add(string name, string value)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(value);
        _values[name] = _values.TryGetValue(name, out var existing) ? $"{existing}, {value}" : value;
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value) => _values.TryGetValue(name, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
