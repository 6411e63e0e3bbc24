namespace Connectivity.Connectors.Http.Internal;

/// <summary>
/// The outermost handler of a connector: buffers the request body so every retry (and the one re-send after a token refresh)
/// sends it intact, and stamps when the call started so the retry can tell how much of the budget is left.
/// </summary>
internal sealed class CallBudgetHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!request.Options.TryGetValue(ConnectorRequestOptions.CallStarted, out _))
        {
            request.Options.Set(ConnectorRequestOptions.CallStarted, timeProvider.GetTimestamp());
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public static TimeSpan Remaining(HttpRequestMessage? request, TimeSpan budget, TimeProvider timeProvider)
    {
        if (request is null || !request.Options.TryGetValue(ConnectorRequestOptions.CallStarted, out var started))
        {
            return budget;
        }

        var remaining = budget - timeProvider.GetElapsedTime(started);
        return remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
    }
}
