using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace Connectivity.Entities;

/// <summary>An immutable <see cref="IEntityCatalog"/> over a fixed set of entity descriptors.</summary>
public sealed class EntityCatalog : IEntityCatalog
{
    private readonly FrozenDictionary<string, EntityDescriptor> _byName;

    /// <summary>Initializes a new instance of the <see cref="EntityCatalog"/> class.</summary>
    /// <param name="entities">The entity descriptors; names must be unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two descriptors have the same name.</exception>
    public EntityCatalog(IEnumerable<EntityDescriptor> entities)
    {
        Guard.Against.Null(entities);
        var list = entities.ToList();
        var duplicate = list.GroupBy(static e => e.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The entity '{duplicate.Key}' is described more than once.", nameof(entities));
        }

        _byName = list.ToFrozenDictionary(static e => e.Name, StringComparer.Ordinal);
        Entities = list.AsReadOnly();
    }

    /// <inheritdoc />
    public IReadOnlyCollection<EntityDescriptor> Entities { get; }

    /// <inheritdoc />
    public bool TryGetEntity(string name, [NotNullWhen(true)] out EntityDescriptor? entity)
        => _byName.TryGetValue(Guard.Against.Null(name), out entity);
}
