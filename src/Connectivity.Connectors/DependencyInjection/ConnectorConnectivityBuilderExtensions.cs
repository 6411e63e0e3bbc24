using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Authentication.Internal;
using Connectivity.Connectors.Http.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers HTTP connectors on the Connectivity builder.</summary>
public static class ConnectorConnectivityBuilderExtensions
{
    /// <summary>Registers a connector named after its type. See <see cref="AddConnector{TConnector}(IConnectivityBuilder, string, Action{ConnectorOptions})"/>.</summary>
    /// <typeparam name="TConnector">The connector type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the connector's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddConnector<TConnector>(this IConnectivityBuilder builder, Action<ConnectorOptions> configure)
        where TConnector : HttpConnector
        => AddConnector<TConnector>(builder, typeof(TConnector).Name, configure);

    /// <summary>
    /// Registers a connector: its options (validated at start-up), a named <see cref="HttpClient"/> on <see cref="IHttpClientFactory"/>
    /// with the write-safe resilience profile (one pipeline per target authority and tenant) and the authentication handler, a keyed
    /// <see cref="ConnectorClient"/>, and <typeparamref name="TConnector"/> (transient, also keyed by <paramref name="name"/>).
    /// Calling it again for the same name only adds to the options.
    /// </summary>
    /// <typeparam name="TConnector">The connector type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The connector name: the name of its options, <see cref="HttpClient"/> and keyed services.</param>
    /// <param name="configure">Sets the connector's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or already names a connector of another type.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddConnector<TConnector>(this IConnectivityBuilder builder, string name, Action<ConnectorOptions> configure)
        where TConnector : HttpConnector
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(configure);

        var services = builder.Services;
        services.AddOptions<ConnectorOptions>(name).Configure(configure).ValidateOnStart();

        var existing = services.Select(static d => d.ImplementationInstance).OfType<ConnectorRegistration>().FirstOrDefault(r => r.Name == name);
        if (existing is not null)
        {
            if (existing.ConnectorType != typeof(TConnector))
            {
                throw new ArgumentException($"The connector name '{name}' is already registered for {existing.ConnectorType.Name}.", nameof(name));
            }

            return builder;
        }

        services.AddSingleton(new ConnectorRegistration(name, typeof(TConnector)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.AddHttpClient(AuthenticationConstants.TokenHttpClientName);

        services.AddHttpClient(name)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(name);
                client.BaseAddress = options.BaseAddress;

                // The pipeline's total timeout is the call's budget; HttpClient's own timeout must not cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new CallBudgetHandler(sp.GetRequiredService<TimeProvider>()))
            .AddResilienceHandler(ConnectorConstants.ResiliencePipelinePrefix + name, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(name);
                var limiter = ConnectorResilienceProfile.Configure(pipeline, options, context.ServiceProvider.GetRequiredService<TimeProvider>());
                if (limiter is not null)
                {
                    context.OnPipelineDisposed(limiter.Dispose);
                }
            })
            .SelectPipelineBy(static _ => ConnectorResilienceProfile.PipelineKey);
        services.AddHttpClient(name)
            .AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(name);
                return options.Authentication?.CreateHandler(sp, options) ?? new PassThroughHandler();
            });

        services.TryAddKeyedSingleton(name, (sp, _) => new ConnectorClient(
            name,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(name),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedTransient(name, (sp, _) => ActivatorUtilities.CreateInstance<TConnector>(sp, sp.GetRequiredKeyedService<ConnectorClient>(name)));
        services.TryAddTransient(sp => ActivatorUtilities.CreateInstance<TConnector>(sp, sp.GetRequiredKeyedService<ConnectorClient>(name)));
        return builder;
    }
}
