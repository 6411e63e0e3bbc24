using System.Collections.Frozen;
using Ardalis.GuardClauses;
using Connectivity.Mapping;

namespace Connectivity.Canonical;

/// <summary>
/// The canonical entities as mapping targets, so a map to the canonical model is checked when it is built:
/// an unknown field, a string where a decimal belongs or a stage the lifecycle does not have is an error then.
/// </summary>
public static class CanonicalMapTargets
{
    private static readonly Lazy<FrozenDictionary<string, MapTargetModel>> Models = new(static () =>
        CanonicalModel.EntityTypes.ToFrozenDictionary(static t => t.Name, static t => MapTargetModel.FromJsonTypeInfo(t.Name, t.JsonTypeInfo), StringComparer.Ordinal));

    /// <summary>Gets the target model of every canonical entity, by entity name.</summary>
    public static IReadOnlyDictionary<string, MapTargetModel> All => Models.Value;

    /// <summary>Gets the target model of <typeparamref name="TEntity"/>.</summary>
    /// <typeparam name="TEntity">A canonical entity type.</typeparam>
    /// <returns>The model.</returns>
    public static MapTargetModel For<TEntity>()
        where TEntity : CanonicalEntity
        => Models.Value[CanonicalModel.Get<TEntity>().Name];

    /// <summary>Adds every canonical target model to <paramref name="options"/>, so documents naming a canonical entity are checked against it.</summary>
    /// <param name="options">The compiler options.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static MapCompilerOptions AddCanonicalTargets(this MapCompilerOptions options)
    {
        Guard.Against.Null(options);
        foreach (var (name, model) in Models.Value)
        {
            options.Targets[name] = model;
        }

        return options;
    }
}
