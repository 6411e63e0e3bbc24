namespace Connectivity.Connectors.Http.Authentication;

/// <summary>Where an API key goes.</summary>
public enum ApiKeyLocation
{
    /// <summary>In a request header.</summary>
    Header = 0,

    /// <summary>In a query string parameter.</summary>
    Query = 1,
}
