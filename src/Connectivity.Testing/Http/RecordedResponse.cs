namespace Connectivity.Testing.Http;

/// <summary>A response as recorded, secrets redacted.</summary>
public sealed class RecordedResponse
{
    /// <summary>Gets or sets the status code.</summary>
    public int Status { get; set; } = 200;

    /// <summary>Gets or sets the response and content headers (redacted values are <c>[REDACTED]</c>).</summary>
    public SortedDictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the body as UTF-8 text, or <see langword="null"/> when there is none or it is binary.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the body as base64 when it is not UTF-8 text.</summary>
    public string? BodyBase64 { get; set; }
}
