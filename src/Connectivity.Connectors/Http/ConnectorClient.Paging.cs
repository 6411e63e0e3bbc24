using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Http.Paging;

namespace Connectivity.Connectors.Http;

/// <content>Paged reads.</content>
public sealed partial class ConnectorClient
{
    /// <summary>
    /// Reads pages with <c>GET</c> until the strategy says stop or its cap is reached. Each page goes through the resilience profile
    /// (a read is retry-safe). Pages are read one at a time, as the caller asks for them.
    /// </summary>
    /// <param name="start">The first URI; relative to <see cref="ConnectorOptions.BaseAddress"/> when not absolute.</param>
    /// <param name="paging">The paging strategy.</param>
    /// <param name="configureRequest">Sets headers or options (a tenant) on each page request; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> or <paramref name="paging"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConnectorCallException">A page request failed; the read may be started again.</exception>
    public async IAsyncEnumerable<HttpPage> ReadPagesAsync(
        Uri start,
        PagingStrategy paging,
        Action<HttpRequestMessage>? configureRequest = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(start);
        Guard.Against.Null(paging);
        if (!start.IsAbsoluteUri)
        {
            var baseAddress = Options.BaseAddress ?? throw new ArgumentException("A relative start URI needs ConnectorOptions.BaseAddress.", nameof(start));
            start = new Uri(baseAddress, start);
        }

        var uri = paging.GetFirstUri(start);
        for (var number = 1; ; number++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            configureRequest?.Invoke(request);
            using var result = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess || result.Response is null)
            {
                throw new ConnectorCallException(result);
            }

            var body = await result.Response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var page = new HttpPage(number, uri, body, paging.RecordsPath);
            var next = paging.GetNextUri(page, result.Response.Headers);
            var stop = next is null || (paging.StopWhen?.Invoke(page) ?? false);
            if (!stop && number >= paging.MaxPages)
            {
                page.HasMore = true;
                stop = true;
            }

            yield return page;
            if (stop)
            {
                yield break;
            }

            uri = next!;
        }
    }
}
