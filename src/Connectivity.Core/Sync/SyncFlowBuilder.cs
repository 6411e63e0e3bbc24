using Ardalis.GuardClauses;

namespace Connectivity.Sync;

/// <summary>Builds a <see cref="SyncFlowDefinition"/>: the entity types that flow, their senders, receivers and references.</summary>
public sealed class SyncFlowBuilder
{
    private readonly Dictionary<string, SyncEntityBuilder> _entities = new(StringComparer.Ordinal);

    /// <summary>Describes how an entity type flows. Calling it again for the same type continues the same description.</summary>
    /// <param name="entityType">The entity type (an entity of the ownership policy).</param>
    /// <param name="configure">Declares senders, receivers and references.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SyncFlowBuilder Entity(string entityType, Action<SyncEntityBuilder> configure)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.Null(configure);
        if (!_entities.TryGetValue(entityType, out var entity))
        {
            entity = new SyncEntityBuilder(entityType);
            _entities.Add(entityType, entity);
        }

        configure(entity);
        return this;
    }

    /// <summary>Builds the definition.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidOperationException">No entity was described.</exception>
    public SyncFlowDefinition Build()
    {
        if (_entities.Count == 0)
        {
            throw new InvalidOperationException("A sync flow needs at least one entity type.");
        }

        return new SyncFlowDefinition(_entities.Values.Select(static e => e.Build()));
    }
}
