using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.ChangeTracking;
using Connectivity.Identity;
using Connectivity.Ownership;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ownership, change detection, the echo guard and the identity map.</summary>
public static class OwnershipConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers the in-memory stores (base snapshots, echo fingerprints, conflicts, identity map) unless other
    /// implementations are already registered. Safe to call more than once; a durable store package registered
    /// first wins.
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="configureEchoGuard">Adjusts the echo guard's bounds.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddInMemoryOwnershipStores(this IConnectivityBuilder builder, Action<EchoGuardOptions>? configureEchoGuard = null)
    {
        Guard.Against.Null(builder);
        var services = builder.Services;
        var options = new EchoGuardOptions();
        configureEchoGuard?.Invoke(options);
        services.TryAddSingleton<IBaseSnapshotStore, InMemoryBaseSnapshotStore>();
        services.TryAddSingleton<IConflictStore, InMemoryConflictStore>();
        services.TryAddSingleton<IEchoFingerprintStore>(sp => new InMemoryEchoFingerprintStore(sp.GetRequiredService<TimeProvider>(), options));
        services.TryAddSingleton<IIdentityMap>(static sp => new InMemoryIdentityMap(sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// Registers an ownership policy and the <see cref="ChangeDecider"/> that applies it, with the in-memory stores
    /// where no other stores are registered. The first policy registered wins.
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddOwnershipPolicy(this IConnectivityBuilder builder, OwnershipPolicy policy)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(policy);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(policy);
        builder.Services.TryAddSingleton(static sp => new ChangeDecider(
            sp.GetRequiredService<OwnershipPolicy>(),
            sp.GetRequiredService<IBaseSnapshotStore>(),
            sp.GetRequiredService<IEchoFingerprintStore>(),
            sp.GetRequiredService<IConflictStore>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder.AddInMemoryOwnershipStores();
    }
}
