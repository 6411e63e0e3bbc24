namespace Connectivity.Connectors.Http.Paging.Internal;

/// <summary>The defaults of paging.</summary>
internal static class PagingConstants
{
    public const int DefaultMaxPages = 1000;
}
