using Ardalis.GuardClauses;
using Connectivity;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Entities.Internal;
using Connectivity.Connectors.Http;
using Connectivity.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers entity writers as the outbox dispatcher's destination writers.</summary>
public static class EntityConnectivityBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TWriter"/> (a singleton keyed by <paramref name="destination"/>, built with the
    /// <see cref="ConnectorClient"/> of <paramref name="connector"/>) and an <see cref="EntityDestinationWriter{TEntity}"/> as the
    /// <see cref="IDestinationWriter"/> of <paramref name="destination"/>. An <see cref="IEntityWriteObserver{TEntity}"/> registered
    /// as a singleton is told of every entity written. Calling it again for the same destination and writer adds nothing.
    /// </summary>
    /// <typeparam name="TWriter">The writer type; its constructor takes the connector's <see cref="ConnectorClient"/> and services.</typeparam>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="destination">The outbox destination the writer serves.</param>
    /// <param name="connector">The name of the connector (<c>AddConnector</c>) whose client the writer uses.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> or <paramref name="connector"/> is empty or white space, or the destination is already served by
    /// another writer type or connector.
    /// </exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IConnectivityBuilder AddEntityWriter<TWriter, TEntity>(this IConnectivityBuilder builder, string destination, string connector)
        where TWriter : EntityWriter<TEntity>
        where TEntity : class
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrWhiteSpace(destination);
        Guard.Against.NullOrWhiteSpace(connector);

        var services = builder.Services;
        var existing = services.Select(static d => d.ImplementationInstance).OfType<EntityWriterRegistration>().FirstOrDefault(r => r.Destination == destination);
        if (existing is not null)
        {
            if (existing.WriterType != typeof(TWriter) || existing.Connector != connector)
            {
                throw new ArgumentException(
                    $"The destination '{destination}' is already served by {existing.WriterType.Name} on connector '{existing.Connector}'.", nameof(destination));
            }

            return builder;
        }

        services.AddSingleton(new EntityWriterRegistration(destination, connector, typeof(TWriter)));
        services.TryAddKeyedSingleton(destination, (sp, _) => ActivatorUtilities.CreateInstance<TWriter>(sp, sp.GetRequiredKeyedService<ConnectorClient>(connector)));

        // One descriptor per destination, guarded by the registration above: TryAddEnumerable cannot tell factories apart.
        services.AddSingleton<IDestinationWriter>(sp => new EntityDestinationWriter<TEntity>(
            destination,
            sp.GetRequiredKeyedService<TWriter>(destination),
            sp.GetService<IEntityWriteObserver<TEntity>>()));
        return builder;
    }
}
