using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The eight canonical entity types and their descriptions.</summary>
public static class CanonicalModel
{
    private static readonly FrozenDictionary<string, CanonicalEntityType> ByName;
    private static readonly FrozenDictionary<Type, CanonicalEntityType> ByType;

    static CanonicalModel()
    {
        var context = CanonicalJsonContext.Default;
        EntityTypes =
        [
            new CanonicalEntityType("customer", typeof(Customer), "1.0", CanonicalLifecycles.Customer, context.Customer),
            new CanonicalEntityType("project", typeof(Project), "1.0", CanonicalLifecycles.Project, context.Project),
            new CanonicalEntityType("contract", typeof(Contract), "1.0", CanonicalLifecycles.Contract, context.Contract),
            new CanonicalEntityType("site", typeof(Site), "1.0", CanonicalLifecycles.Site, context.Site),
            new CanonicalEntityType("asset", typeof(Asset), "1.0", CanonicalLifecycles.Asset, context.Asset),
            new CanonicalEntityType("workOrder", typeof(WorkOrder), "1.0", CanonicalLifecycles.WorkOrder, context.WorkOrder),
            new CanonicalEntityType("entitlement", typeof(Entitlement), "1.0", CanonicalLifecycles.Entitlement, context.Entitlement),
            new CanonicalEntityType("invoice", typeof(Invoice), "1.0", CanonicalLifecycles.Invoice, context.Invoice),
        ];
        ByName = EntityTypes.ToFrozenDictionary(static t => t.Name, StringComparer.Ordinal);
        ByType = EntityTypes.ToFrozenDictionary(static t => t.ClrType);
    }

    /// <summary>Gets every canonical entity type, in the order the model documents them.</summary>
    public static IReadOnlyList<CanonicalEntityType> EntityTypes { get; }

    /// <summary>Gets the description of <typeparamref name="TEntity"/>.</summary>
    /// <typeparam name="TEntity">A canonical entity type.</typeparam>
    /// <returns>The entity type description.</returns>
    public static CanonicalEntityType Get<TEntity>()
        where TEntity : CanonicalEntity
        => ByType[typeof(TEntity)];

    /// <summary>Gets the description of the entity type named <paramref name="name"/>, for example <c>workOrder</c>.</summary>
    /// <param name="name">The entity name.</param>
    /// <returns>The entity type description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No canonical entity has that name.</exception>
    public static CanonicalEntityType Get(string name)
        => TryGet(name, out var type)
            ? type
            : throw new KeyNotFoundException($"'{name}' is not a canonical entity; known: {string.Join(", ", ByName.Keys)}.");

    /// <summary>Looks up the entity type named <paramref name="name"/>.</summary>
    /// <param name="name">The entity name.</param>
    /// <param name="entityType">The entity type description, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool TryGet(string name, [NotNullWhen(true)] out CanonicalEntityType? entityType)
        => ByName.TryGetValue(Guard.Against.Null(name), out entityType);
}
