using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Identity;
using Connectivity.Inbox;
using Connectivity.Outbox;
using Connectivity.Ownership;
using Connectivity.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Connectivity.Sync.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sync flow, its outbox destinations and the reconciler.</summary>
public static class SyncConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="SyncFlow"/> for the entity types <paramref name="configure"/> describes, a
    /// <see cref="SyncDestinationWriter"/> for each entity type and receiving system, and the <see cref="Reconciler"/>; a hosted
    /// service checks at start-up that the definition fits the ownership policy and that every writer it names is registered. Needs an
    /// ownership policy (<c>AddOwnershipPolicy</c>), stores (<c>AddInMemoryStores</c> or a durable store package) and, to deliver,
    /// the outbox dispatcher and the writers the flow names (for example <c>AddEntityWriter</c>).
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="configure">Describes the entity types.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A sync flow is already registered, or the description is empty.</exception>
    public static IConnectivityBuilder AddSyncFlow(this IConnectivityBuilder builder, Action<SyncFlowBuilder> configure)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(configure);
        var services = builder.Services;
        if (services.Any(static d => d.ServiceType == typeof(SyncFlowDefinition)))
        {
            throw new InvalidOperationException("A sync flow is already registered; describe every entity type in one AddSyncFlow call.");
        }

        var flowBuilder = new SyncFlowBuilder();
        configure(flowBuilder);
        var definition = flowBuilder.Build();
        services.AddSingleton(definition);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SyncFlowStartupCheck>());
        services.TryAddSingleton(static sp => new SyncFlow(
            sp.GetRequiredService<SyncFlowDefinition>(),
            sp.GetRequiredService<ChangeDecider>(),
            sp.GetRequiredService<IIdentityMap>(),
            sp.GetRequiredService<IBaseSnapshotStore>(),
            sp.GetRequiredService<IOutboxStore>(),
            sp.GetRequiredService<IInboxStore>(),
            sp.GetRequiredService<IStoreTransactionFactory>(),
            sp.GetService<ILogger<SyncFlow>>()));
        services.TryAddSingleton(static sp => new Reconciler(
            sp.GetRequiredService<SyncFlowDefinition>(),
            sp.GetRequiredService<OwnershipPolicy>(),
            sp.GetRequiredService<IIdentityMap>(),
            sp.GetRequiredService<IBaseSnapshotStore>(),
            sp.GetRequiredService<IOutboxStore>()));
        foreach (var entity in definition.Entities)
        {
            foreach (var system in entity.Destinations.Keys)
            {
                services.AddSingleton<IDestinationWriter>(sp => new SyncDestinationWriter(
                    sp.GetRequiredService<SyncFlowDefinition>(),
                    entity.EntityType,
                    system,
                    name => sp.GetServices<IDestinationWriter>().FirstOrDefault(w => w is not SyncDestinationWriter && string.Equals(w.Destination, name, StringComparison.Ordinal)),
                    sp.GetRequiredService<ChangeDecider>(),
                    sp.GetRequiredService<IIdentityMap>(),
                    sp.GetRequiredService<IStoreTransactionFactory>(),
                    sp.GetService<ILogger<SyncDestinationWriter>>(),
                    sp.GetService<TimeProvider>()));
            }
        }

        return builder;
    }
}
