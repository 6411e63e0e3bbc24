using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.ChangeTracking;
using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.Delivery.Internal;
using Connectivity.Idempotency;
using Connectivity.Identity;
using Connectivity.Inbox;
using Connectivity.Outbox;
using Connectivity.Storage.Sqlite;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite stores.</summary>
public static class SqliteConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers the outbox, dead-letter, idempotency, inbox and checkpoint stores and the transaction factory, and the
    /// identity map, base snapshot, echo fingerprint and conflict stores, on one SQLite file, created and migrated when
    /// the host starts (or on first use without a host). Call it before <c>AddInMemoryStores</c>,
    /// <c>AddInMemoryOwnershipStores</c> or <c>AddOwnershipPolicy</c> if those are called: the first registration of a
    /// store wins. Safe to call more than once. The echo fingerprint store takes its bounds from
    /// <c>IOptions&lt;EchoGuardOptions&gt;</c>: configure them with <c>services.Configure&lt;EchoGuardOptions&gt;(…)</c>.
    /// </summary>
    /// <param name="builder">The Connectivity builder.</param>
    /// <param name="databasePath">The path of the database file.</param>
    /// <param name="configure">Configures the other options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="databasePath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is empty or white space.</exception>
    public static IConnectivityBuilder AddSqliteStores(this IConnectivityBuilder builder, string databasePath, Action<SqliteStoreOptions>? configure = null)
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrWhiteSpace(databasePath);
        var services = builder.Services;
        DeliveryServices.AddDeliveryOptions(services);
        services.AddOptions<SqliteStoreOptions>().Configure(options =>
        {
            options.DatabasePath = databasePath;
            configure?.Invoke(options);
        });
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqliteStoreInitializer>());
        services.TryAddSingleton<SqliteOutboxStore>();
        services.TryAddSingleton<IOutboxStore>(static sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.TryAddSingleton<IDeadLetterStore>(static sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.TryAddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
        services.TryAddSingleton<IInboxStore, SqliteInboxStore>();
        services.TryAddSingleton<ICheckpointStore, SqliteCheckpointStore>();
        services.TryAddSingleton<IStoreTransactionFactory, SqliteStoreTransactionFactory>();
        services.AddOptions<EchoGuardOptions>()
            .Validate(static o => o.TimeToLive > TimeSpan.Zero && o.MaxFingerprintsPerRecord > 0, "EchoGuardOptions.TimeToLive and MaxFingerprintsPerRecord must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IIdentityMap, SqliteIdentityMap>();
        services.TryAddSingleton<IBaseSnapshotStore, SqliteBaseSnapshotStore>();
        services.TryAddSingleton<IEchoFingerprintStore, SqliteEchoFingerprintStore>();
        services.TryAddSingleton<IConflictStore, SqliteConflictStore>();
        return builder;
    }
}
