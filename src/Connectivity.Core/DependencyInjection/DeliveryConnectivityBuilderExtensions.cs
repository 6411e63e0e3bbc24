using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.Delivery.Internal;
using Connectivity.Idempotency;
using Connectivity.Inbox;
using Connectivity.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers reliable delivery: stores, the outbox dispatcher and destination writers.</summary>
public static class DeliveryConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers the in-memory outbox, dead-letter, idempotency, inbox and checkpoint stores and their transaction
    /// factory, unless a store provider was registered first. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddInMemoryStores(this IConnectivityBuilder builder)
    {
        Guard.Against.Null(builder);
        var services = builder.Services;
        DeliveryServices.AddDeliveryOptions(services);
        services.TryAddSingleton<InMemoryOutboxStore>();
        services.TryAddSingleton<IOutboxStore>(static sp => sp.GetRequiredService<InMemoryOutboxStore>());
        services.TryAddSingleton<IDeadLetterStore>(static sp => sp.GetRequiredService<InMemoryOutboxStore>());
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton<IInboxStore, InMemoryInboxStore>();
        services.TryAddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        services.TryAddSingleton<IStoreTransactionFactory, InMemoryStoreTransactionFactory>();
        return builder;
    }

    /// <summary>
    /// Registers the <see cref="OutboxDispatcher"/> and a hosted service that runs it, with options validated at start-up.
    /// A store provider must be registered too. Safe to call more than once; every <paramref name="configure"/> applies.
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddOutboxDispatcher(this IConnectivityBuilder builder, Action<OutboxDispatcherOptions>? configure = null)
    {
        Guard.Against.Null(builder);
        var services = builder.Services;
        DeliveryServices.AddDeliveryOptions(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcherHostedService>());
        return builder;
    }

    /// <summary>Registers a destination writer; the dispatcher picks it by <see cref="IDestinationWriter.Destination"/>. Safe to call more than once.</summary>
    /// <typeparam name="TWriter">The writer type, registered as a singleton.</typeparam>
    /// <param name="builder">The Connectivity builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddDestinationWriter<TWriter>(this IConnectivityBuilder builder)
        where TWriter : class, IDestinationWriter
    {
        Guard.Against.Null(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationWriter, TWriter>());
        return builder;
    }

    /// <summary>Configures the idempotency stores; the options are validated at start-up against the dispatcher's retry and replay horizon.</summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder ConfigureIdempotency(this IConnectivityBuilder builder, Action<IdempotencyOptions> configure)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(configure);
        DeliveryServices.AddDeliveryOptions(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Configures the inbox stores.</summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder ConfigureInbox(this IConnectivityBuilder builder, Action<InboxOptions> configure)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(configure);
        DeliveryServices.AddDeliveryOptions(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }
}
