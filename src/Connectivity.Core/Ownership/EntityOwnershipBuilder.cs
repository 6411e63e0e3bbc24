using Ardalis.GuardClauses;
using Connectivity.Ownership.Internal;

namespace Connectivity.Ownership;

/// <summary>Declares the owners of one entity type's fields; obtained from <see cref="OwnershipPolicyBuilder.Entity(string, Action{EntityOwnershipBuilder})"/>.</summary>
public sealed class EntityOwnershipBuilder
{
    private readonly OwnershipPolicyBuilder _policy;

    internal EntityOwnershipBuilder(OwnershipPolicyBuilder policy, string entityType)
    {
        _policy = policy;
        EntityType = entityType;
    }

    /// <summary>Gets the entity type being configured.</summary>
    public string EntityType { get; }

    /// <summary>Declares the owner of the entity's fields that no rule names, at every stage. A later call overrides an earlier one.</summary>
    /// <param name="system">The owning system.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="system"/> is null, empty or white space.</exception>
    public EntityOwnershipBuilder DefaultOwner(string system)
    {
        Guard.Against.NullOrWhiteSpace(system);
        _policy.AddRule(EntityType, null, system, null, DeclarationSource.CSharp, JsonLocationIndex.Append(OwnershipPolicyBuilder.EntityPath(EntityType), "defaultOwner"));
        return this;
    }

    /// <summary>
    /// Declares the owner of a field (and the fields below it) at every stage, or only at <paramref name="stages"/>.
    /// The most specific path wins; of equally specific rules, the later one.
    /// </summary>
    /// <param name="path">The field path: <c>creditLimit</c>, <c>billingAddress.*</c>, <c>lines[*].amount</c>.</param>
    /// <param name="owner">The owning system.</param>
    /// <param name="stages">The stages the rule applies at; every stage when none are given.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="owner"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/> is <see langword="null"/>.</exception>
    public EntityOwnershipBuilder Field(string path, string owner, params string[] stages)
    {
        Guard.Against.NullOrWhiteSpace(path);
        Guard.Against.NullOrWhiteSpace(owner);
        Guard.Against.Null(stages);
        var rulePath = $"{JsonLocationIndex.Append(OwnershipPolicyBuilder.EntityPath(EntityType), "fields")}[{_policy.NextCSharpFieldIndex(EntityType)}]";
        _policy.AddRule(EntityType, path, owner, stages.Length == 0 ? null : [.. stages], DeclarationSource.CSharp, rulePath);
        return this;
    }
}
