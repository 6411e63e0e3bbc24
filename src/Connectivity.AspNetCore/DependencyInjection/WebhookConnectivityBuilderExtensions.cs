using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.AspNetCore.Webhooks;
using Connectivity.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook receivers, one per webhook source.</summary>
public static class WebhookConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers a webhook source: its options (validated when the host starts) and its handler, resolved
    /// from the request scope under the source as key. Map its endpoint with
    /// <c>MapConnectivityWebhook(pattern, source)</c> or <c>MapConnectivityWebhooks()</c>. An inbox store
    /// and its transaction factory must be registered too (<c>AddInMemoryStores</c>, <c>AddSqliteStores</c>).
    /// Safe to call more than once: every <paramref name="configure"/> applies; the first handler wins.
    /// </summary>
    /// <typeparam name="THandler">The handler of the source's verified, first-seen deliveries.</typeparam>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="source">
    /// The source name: the inbox de-duplicates by (source, webhook id), and <c>MapConnectivityWebhooks</c>
    /// uses it as the last path segment. Letters, digits, '.', '-' and '_'.
    /// </param>
    /// <param name="configure">Configures the secrets or the scheme and the limits.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="source"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty or holds other characters than letters, digits, '.', '-' and '_'.</exception>
    public static IConnectivityBuilder AddWebhookReceiver<THandler>(this IConnectivityBuilder builder, string source, Action<WebhookReceiverOptions> configure)
        where THandler : class, IWebhookHandler
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrEmpty(source);
        Guard.Against.InvalidFormat(source, nameof(source), "^[A-Za-z0-9._-]+$", "A webhook source name holds letters, digits, '.', '-' and '_' only.");
        Guard.Against.Null(configure);

        var services = builder.Services;
        services.AddOptions<WebhookReceiverOptions>(source).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookReceiverOptions>, WebhookReceiverOptionsValidator>());
        services.TryAddSingleton<WebhookInFlight>();
        services.TryAddKeyedScoped<IWebhookHandler, THandler>(source);
        if (!services.Any(d => d.ImplementationInstance is WebhookSourceRegistration registration && registration.Source == source))
        {
            services.AddSingleton(new WebhookSourceRegistration(source));
        }

        return builder;
    }
}
