using System.Globalization;
using System.Net.Http.Headers;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Http.Internal;
using Connectivity.Connectors.Http.Paging.Internal;

namespace Connectivity.Connectors.Http.Paging;

/// <summary>
/// How a paged read moves from one page to the next and when it stops. Every strategy stops when the target says there is no next
/// page, when <see cref="StopWhen"/> says so, and at <see cref="MaxPages"/>. Create one with the static factories; a strategy is
/// stateless, so one instance may serve many reads.
/// </summary>
public abstract class PagingStrategy
{
    /// <summary>Initializes a new strategy.</summary>
    /// <param name="recordsPath">The path of the record array in a page; <see langword="null"/> when the page is the array.</param>
    protected PagingStrategy(string? recordsPath)
    {
        RecordsPath = recordsPath;
    }

    /// <summary>Gets the path of the record array in a page; <see langword="null"/> when the page is the array.</summary>
    public string? RecordsPath { get; }

    /// <summary>Gets or sets the most pages one read fetches; the last page of a capped read has <see cref="HttpPage.HasMore"/>.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxPages { get; set; } = PagingConstants.DefaultMaxPages;

    /// <summary>Gets or sets an extra stop condition, checked after each page.</summary>
    /// <value>The default value is <see langword="null"/>: none.</value>
    public Func<HttpPage, bool>? StopWhen { get; set; }

    /// <summary>Next link in the body: OData's <c>@odata.nextLink</c>, records in <c>value</c>.</summary>
    /// <returns>The strategy.</returns>
    public static PagingStrategy ODataNextLink() => NextLink("@odata.nextLink", "value");

    /// <summary>Next link in the body: Salesforce's <c>nextRecordsUrl</c> (relative to the host), records in <c>records</c>.</summary>
    /// <returns>The strategy.</returns>
    public static PagingStrategy SalesforceNextRecordsUrl() => NextLink("nextRecordsUrl", "records");

    /// <summary>Cursor in the body: HubSpot's <c>paging.next.after</c>, sent back as the <c>after</c> parameter; records in <c>results</c>.</summary>
    /// <returns>The strategy.</returns>
    public static PagingStrategy HubSpotAfter() => Cursor("paging.next.after", "after", "results");

    /// <summary>A next link (absolute, or relative to the page's URI) at a path in the body; stops when it is missing or empty.</summary>
    /// <param name="nextLinkPath">The path of the link.</param>
    /// <param name="recordsPath">The path of the record array.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException"><paramref name="nextLinkPath"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="nextLinkPath"/> is <see langword="null"/>.</exception>
    public static PagingStrategy NextLink(string nextLinkPath, string? recordsPath) => new NextLinkPaging(Guard.Against.NullOrWhiteSpace(nextLinkPath), recordsPath);

    /// <summary>A cursor token at a path in the body, sent back as a query parameter; stops when it is missing or empty.</summary>
    /// <param name="cursorPath">The path of the token.</param>
    /// <param name="parameter">The query parameter that carries it.</param>
    /// <param name="recordsPath">The path of the record array.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException"><paramref name="cursorPath"/> or <paramref name="parameter"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="cursorPath"/> or <paramref name="parameter"/> is <see langword="null"/>.</exception>
    public static PagingStrategy Cursor(string cursorPath, string parameter, string? recordsPath) =>
        new CursorPaging(Guard.Against.NullOrWhiteSpace(cursorPath), Guard.Against.NullOrWhiteSpace(parameter), recordsPath);

    /// <summary>Offset and limit parameters; stops at a page shorter than <paramref name="pageSize"/>.</summary>
    /// <param name="offsetParameter">The offset parameter, for example <c>offset</c> or <c>$skip</c>.</param>
    /// <param name="limitParameter">The limit parameter, for example <c>limit</c> or <c>$top</c>.</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <param name="recordsPath">The path of the record array.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException">A parameter is empty, or <paramref name="pageSize"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException">A parameter name is <see langword="null"/>.</exception>
    public static PagingStrategy OffsetLimit(string offsetParameter, string limitParameter, int pageSize, string? recordsPath) =>
        new OffsetPaging(Guard.Against.NullOrWhiteSpace(offsetParameter), Guard.Against.NullOrWhiteSpace(limitParameter), Guard.Against.NegativeOrZero(pageSize), recordsPath);

    /// <summary>Page number and page size parameters; stops at a page shorter than <paramref name="pageSize"/>.</summary>
    /// <param name="pageParameter">The page parameter.</param>
    /// <param name="sizeParameter">The page size parameter.</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <param name="recordsPath">The path of the record array.</param>
    /// <param name="firstPage">The number of the first page (1 or 0).</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException">A parameter is empty, <paramref name="pageSize"/> is not positive, or <paramref name="firstPage"/> is negative.</exception>
    /// <exception cref="ArgumentNullException">A parameter name is <see langword="null"/>.</exception>
    public static PagingStrategy PageNumber(string pageParameter, string sizeParameter, int pageSize, string? recordsPath, int firstPage = 1) =>
        new PageNumberPaging(Guard.Against.NullOrWhiteSpace(pageParameter), Guard.Against.NullOrWhiteSpace(sizeParameter), Guard.Against.NegativeOrZero(pageSize), recordsPath, Guard.Against.Negative(firstPage));

    /// <summary>The <c>Link</c> response header (RFC 8288) with <c>rel="next"</c>; stops when there is none.</summary>
    /// <param name="recordsPath">The path of the record array.</param>
    /// <returns>The strategy.</returns>
    public static PagingStrategy LinkHeader(string? recordsPath) => new LinkHeaderPaging(recordsPath);

    /// <summary>Gets the URI of the first page.</summary>
    /// <param name="start">The URI the read starts from.</param>
    /// <returns>The first page's URI.</returns>
    public virtual Uri GetFirstUri(Uri start) => start;

    /// <summary>Gets the URI of the page after <paramref name="page"/>, or <see langword="null"/> when it is the last.</summary>
    /// <param name="page">The page just read.</param>
    /// <param name="headers">Its response headers.</param>
    /// <returns>The next URI, or <see langword="null"/>.</returns>
    public abstract Uri? GetNextUri(HttpPage page, HttpResponseHeaders headers);

    private sealed class NextLinkPaging(string nextLinkPath, string? recordsPath) : PagingStrategy(recordsPath)
    {
        public override Uri? GetNextUri(HttpPage page, HttpResponseHeaders headers) =>
            JsonPath.GetString(page.Body.Span, nextLinkPath) is { Length: > 0 } link ? new Uri(page.RequestUri, link) : null;
    }

    private sealed class CursorPaging(string cursorPath, string parameter, string? recordsPath) : PagingStrategy(recordsPath)
    {
        public override Uri? GetNextUri(HttpPage page, HttpResponseHeaders headers) =>
            JsonPath.GetString(page.Body.Span, cursorPath) is { Length: > 0 } cursor ? QueryString.Set(page.RequestUri, parameter, cursor) : null;
    }

    private sealed class OffsetPaging(string offsetParameter, string limitParameter, int pageSize, string? recordsPath) : PagingStrategy(recordsPath)
    {
        private readonly string _size = pageSize.ToString(CultureInfo.InvariantCulture);

        public override Uri GetFirstUri(Uri start) => QueryString.Set(QueryString.Set(start, offsetParameter, "0"), limitParameter, _size);

        public override Uri? GetNextUri(HttpPage page, HttpResponseHeaders headers) => page.Records.Count < pageSize
            ? null
            : QueryString.Set(page.RequestUri, offsetParameter, ((long)page.Number * pageSize).ToString(CultureInfo.InvariantCulture));
    }

    private sealed class PageNumberPaging(string pageParameter, string sizeParameter, int pageSize, string? recordsPath, int firstPage) : PagingStrategy(recordsPath)
    {
        private readonly string _size = pageSize.ToString(CultureInfo.InvariantCulture);

        public override Uri GetFirstUri(Uri start) =>
            QueryString.Set(QueryString.Set(start, pageParameter, firstPage.ToString(CultureInfo.InvariantCulture)), sizeParameter, _size);

        public override Uri? GetNextUri(HttpPage page, HttpResponseHeaders headers) => page.Records.Count < pageSize
            ? null
            : QueryString.Set(page.RequestUri, pageParameter, (firstPage + page.Number).ToString(CultureInfo.InvariantCulture));
    }

    private sealed class LinkHeaderPaging(string? recordsPath) : PagingStrategy(recordsPath)
    {
        public override Uri? GetNextUri(HttpPage page, HttpResponseHeaders headers)
        {
            if (!headers.TryGetValues("Link", out var values))
            {
                return null;
            }

            foreach (var entry in values.SelectMany(static v => v.Split(',')))
            {
                var parts = entry.Split(';');
                var target = parts[0].Trim();
                if (target.Length > 2 && target[0] == '<' && target[^1] == '>'
                    && parts.Skip(1).Any(static p => p.Trim().Replace(" ", string.Empty, StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
                {
                    return new Uri(page.RequestUri, target[1..^1]);
                }
            }

            return null;
        }
    }
}
