using Ardalis.GuardClauses;
using Connectivity.AspNetCore.Webhooks;
using Connectivity.AspNetCore.Webhooks.Internal;
using Connectivity.Delivery;
using Connectivity.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoints of the webhook sources registered with <c>AddWebhookReceiver</c>.</summary>
/// <remarks>
/// Each endpoint accepts <c>POST</c> and answers: 204 when the delivery was handled, and when it is a
/// duplicate (so the sender stops retrying; it is not handled twice); 400 for missing or malformed
/// signature headers, invalid UTF-8 or a scheme that carries no webhook id; 401 for a bad signature or a
/// timestamp outside the tolerance; 409 with <c>Retry-After</c> while the same delivery is being handled;
/// 413 for a body over the limit; 415 for a non-JSON content type (unless turned off); 500 when the handler
/// throws and 503 when the inbox cannot record the delivery, so the sender retries. Refusals carry a short
/// problem-details body that never holds a secret or an expected signature.
/// </remarks>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>Maps the <c>POST</c> endpoint of one registered webhook source.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="pattern">The route pattern, for example <c>/webhooks/crm</c>.</param>
    /// <param name="source">The source, as registered with <c>AddWebhookReceiver</c>.</param>
    /// <returns>A builder to add conventions to the endpoint (authorization is not needed: the signature is the authentication; rate limits are welcome).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/>, <paramref name="pattern"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> or <paramref name="source"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The source is not registered, or no inbox store or store transaction factory is registered.</exception>
    /// <exception cref="OptionsValidationException">The source's options are not valid.</exception>
    public static IEndpointConventionBuilder MapConnectivityWebhook(this IEndpointRouteBuilder endpoints, string pattern, string source)
    {
        Guard.Against.Null(endpoints);
        Guard.Against.NullOrWhiteSpace(pattern);
        Guard.Against.NullOrWhiteSpace(source);

        var services = endpoints.ServiceProvider;
        if (!services.GetServices<WebhookSourceRegistration>().Any(r => r.Source == source))
        {
            throw new InvalidOperationException($"No webhook receiver is registered for source '{source}'; call AddWebhookReceiver<THandler>(\"{source}\", …) first.");
        }

        var endpoint = new WebhookEndpoint(
            source,
            services.GetRequiredService<IOptionsMonitor<WebhookReceiverOptions>>().Get(source),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<IInboxStore>() ?? throw MissingStores(nameof(IInboxStore)),
            services.GetService<IStoreTransactionFactory>() ?? throw MissingStores(nameof(IStoreTransactionFactory)),
            services.GetRequiredService<WebhookInFlight>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IWebhookHandler).Namespace!));
        RequestDelegate handle = endpoint.HandleAsync;
        return endpoints.MapPost(pattern, handle).WithDisplayName($"Connectivity webhook '{source}'");
    }

    /// <summary>Maps the <c>POST</c> endpoint of every registered webhook source at <c>{prefix}/{source}</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="prefix">The path prefix.</param>
    /// <returns>The group of the endpoints, to add conventions to all of them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="prefix"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">No inbox store or store transaction factory is registered.</exception>
    /// <exception cref="OptionsValidationException">The options of a source are not valid.</exception>
    public static RouteGroupBuilder MapConnectivityWebhooks(this IEndpointRouteBuilder endpoints, string prefix = WebhookReceiverConstants.DefaultPrefix)
    {
        Guard.Against.Null(endpoints);
        Guard.Against.NullOrWhiteSpace(prefix);

        var group = endpoints.MapGroup(prefix);
        foreach (var registration in endpoints.ServiceProvider.GetServices<WebhookSourceRegistration>())
        {
            group.MapConnectivityWebhook("/" + registration.Source, registration.Source);
        }

        return group;
    }

    private static InvalidOperationException MissingStores(string service) =>
        new($"Webhook receivers need an {service}: register the stores first, for example services.AddConnectivity().AddInMemoryStores() or .AddSqliteStores(path).");
}
