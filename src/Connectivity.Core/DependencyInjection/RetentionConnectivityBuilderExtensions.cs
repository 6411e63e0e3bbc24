using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.Retention;
using Connectivity.Retention.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the retention purge of expiring stores (inbox, idempotency, echo fingerprints).</summary>
public static class RetentionConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="RetentionPurger"/> and a hosted service that runs it every <see cref="RetentionPurgeOptions.Interval"/>,
    /// with options validated at start-up. It purges the expiring stores registered when it is first resolved. Safe to call
    /// more than once; every <paramref name="configure"/> applies.
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddRetentionPurge(this IConnectivityBuilder builder, Action<RetentionPurgeOptions>? configure = null)
    {
        Guard.Against.Null(builder);
        var services = builder.Services;
        services.AddOptions<RetentionPurgeOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionPurgeOptions>, RetentionPurgeOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new RetentionPurger(
            ExpiringStores(sp),
            sp.GetRequiredService<IOptionsMonitor<RetentionPurgeOptions>>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<RetentionPurger>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionPurgeHostedService>());
        return builder;
    }

    /// <summary>The inbox, the idempotency store and the echo fingerprint store when they expire records, and every registered <see cref="IExpiringStore"/>.</summary>
    private static IEnumerable<IExpiringStore> ExpiringStores(IServiceProvider services)
    {
        object?[] candidates =
        [
            services.GetService<Connectivity.Inbox.IInboxStore>(),
            services.GetService<Connectivity.Idempotency.IIdempotencyStore>(),
            services.GetService<Connectivity.ChangeTracking.IEchoFingerprintStore>(),
            .. services.GetServices<IExpiringStore>(),
        ];
        return candidates.OfType<IExpiringStore>();
    }
}
