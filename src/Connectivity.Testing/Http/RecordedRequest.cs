namespace Connectivity.Testing.Http;

/// <summary>A request as recorded, secrets redacted.</summary>
public sealed class RecordedRequest
{
    /// <summary>Gets or sets the HTTP method.</summary>
    public string Method { get; set; } = "GET";

    /// <summary>Gets or sets the absolute URI, redacted query values included.</summary>
    public string Uri { get; set; } = string.Empty;

    /// <summary>Gets or sets the request and content headers (redacted values are <c>[REDACTED]</c>).</summary>
    public SortedDictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the body as UTF-8 text, or <see langword="null"/> when there is none or it is binary.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the body as base64 when it is not UTF-8 text.</summary>
    public string? BodyBase64 { get; set; }
}
