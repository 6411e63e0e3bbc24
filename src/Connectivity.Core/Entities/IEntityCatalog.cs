using System.Diagnostics.CodeAnalysis;

namespace Connectivity.Entities;

/// <summary>
/// The entity types a host works with. Ownership policies are validated against it: an entity, field or
/// stage the catalog does not know is a policy error. <c>Connectivity.Canonical</c> provides one for the
/// canonical model; a host with its own types builds an <see cref="EntityCatalog"/>.
/// </summary>
public interface IEntityCatalog
{
    /// <summary>Gets every entity type of the catalog.</summary>
    IReadOnlyCollection<EntityDescriptor> Entities { get; }

    /// <summary>Looks up an entity type by name.</summary>
    /// <param name="name">The entity name.</param>
    /// <param name="entity">The entity descriptor, when found.</param>
    /// <returns><see langword="true"/> when the catalog knows the entity.</returns>
    bool TryGetEntity(string name, [NotNullWhen(true)] out EntityDescriptor? entity);
}
