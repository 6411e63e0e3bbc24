namespace Connectivity.Testing.Http;

/// <summary>One recorded request and its response.</summary>
public sealed class HttpInteraction
{
    /// <summary>Gets or sets the request.</summary>
    public RecordedRequest Request { get; set; } = new();

    /// <summary>Gets or sets the response.</summary>
    public RecordedResponse Response { get; set; } = new();
}
