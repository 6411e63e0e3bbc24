using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;
using Connectivity.Entities;
using Connectivity.Ownership.Internal;

namespace Connectivity.Ownership;

/// <summary>
/// Which system owns which field of which entity at which lifecycle stage. Built and validated by
/// <see cref="OwnershipPolicyBuilder"/>; immutable and thread-safe.
/// </summary>
/// <remarks>
/// A field's owner is the owner named by the most specific rule that covers the field and applies at the
/// stage (a rule on <c>creditLimit</c> covers <c>creditLimit.amount</c>; of two equally specific rules the later
/// wins), else the entity's default owner, else the policy's.
/// </remarks>
public sealed class OwnershipPolicy
{
    private readonly FrozenDictionary<string, EntityPolicy> _entities;
    private readonly OwnershipPolicyBuilderState _state;

    internal OwnershipPolicy(IEntityCatalog catalog, FrozenSet<string> systems, FrozenDictionary<string, EntityPolicy> entities, OwnershipPolicyBuilderState state)
    {
        Catalog = catalog;
        Systems = systems;
        _entities = entities;
        _state = state;
    }

    /// <summary>Gets the entity types the policy was validated against.</summary>
    public IEntityCatalog Catalog { get; }

    /// <summary>Gets the systems the policy talks about.</summary>
    public IReadOnlySet<string> Systems { get; }

    /// <summary>Gets the system that owns a field of an entity at a stage.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="fieldPath">A concrete field path, for example <c>lines[3].amount</c>, or a schema path such as <c>lines[*].amount</c>.</param>
    /// <param name="stage">The lifecycle stage.</param>
    /// <returns>The owning system.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entity or stage is unknown, or the path is not well formed.</exception>
    public string GetOwner(string entityType, string fieldPath, string stage)
    {
        Guard.Against.Null(fieldPath);
        Guard.Against.Null(stage);
        var entity = GetEntity(entityType);
        if (!entity.Descriptor.Lifecycle.ContainsStage(stage))
        {
            throw new ArgumentException($"'{stage}' is not a stage of the {entityType} lifecycle.", nameof(stage));
        }

        if (!FieldPath.TryParse(fieldPath, out var path, out var error))
        {
            throw new ArgumentException(error, nameof(fieldPath));
        }

        return entity.GetOwner(path, stage);
    }

    /// <summary>Gets whether <paramref name="system"/> owns a field of an entity at a stage.</summary>
    /// <param name="system">The system.</param>
    /// <param name="entityType">The entity name.</param>
    /// <param name="fieldPath">The field path.</param>
    /// <param name="stage">The lifecycle stage.</param>
    /// <returns><see langword="true"/> when the system owns the field at the stage.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entity or stage is unknown, or the path is not well formed.</exception>
    public bool IsOwner(string system, string entityType, string fieldPath, string stage)
        => string.Equals(Guard.Against.Null(system), GetOwner(entityType, fieldPath, stage), StringComparison.Ordinal);

    /// <summary>
    /// Checks the fields an outbound map writes to <paramref name="targetSystem"/>: a field that the target
    /// owns at every stage of the lifecycle must not be written, since it would overwrite the owner's data.
    /// The map builder calls this when a map is built and refuses the map when errors come back.
    /// </summary>
    /// <param name="targetSystem">The system the map writes to.</param>
    /// <param name="entityType">The canonical entity the map reads.</param>
    /// <param name="targetFieldPaths">The canonical field paths the map writes, for example <c>creditLimit.amount</c>.</param>
    /// <returns>
    /// One <see cref="OwnershipErrorCodes.OutboundWriteToOwnedField"/> error per refused field (its <see cref="OwnershipPolicyError.Path"/> is the
    /// field path; the message names the field and the owner), plus errors for unknown entities or fields; empty when the map may be built.
    /// Envelope fields the entity's descriptor ignores (such as <c>id</c>, written as a target's external key) are not checked.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public IReadOnlyList<OwnershipPolicyError> CheckOutboundMap(string targetSystem, string entityType, IEnumerable<string> targetFieldPaths)
    {
        Guard.Against.Null(targetSystem);
        Guard.Against.Null(entityType);
        Guard.Against.Null(targetFieldPaths);

        var errors = new List<OwnershipPolicyError>();
        if (!_entities.TryGetValue(entityType, out var entity))
        {
            errors.Add(new OwnershipPolicyError(OwnershipErrorCodes.UnknownEntity, $"'{entityType}' is not an entity of the policy.", entityType, "map"));
            return errors;
        }

        var stages = entity.Descriptor.Lifecycle.Stages;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in targetFieldPaths)
        {
            if (!FieldPath.TryParse(text, out var path, out var parseError))
            {
                errors.Add(new OwnershipPolicyError(OwnershipErrorCodes.InvalidFieldPath, parseError!, text ?? string.Empty, "map"));
                continue;
            }

            // The envelope (id, external references, version, times) is nobody's data: a map may write our id as the target's external key.
            if (path.Segments[0].Name is { } top && entity.Descriptor.IgnoredFields.Contains(top))
            {
                continue;
            }

            if (!entity.KnownPaths.Any(path.Overlaps))
            {
                errors.Add(new OwnershipPolicyError(OwnershipErrorCodes.UnknownField, $"'{text}' addresses no field of {entityType}.", text, "map"));
                continue;
            }

            // Check the leaves the written path reaches; a path below the schema's detail is checked as it is.
            var covered = entity.KnownPaths.Where(path.Covers).ToList();
            var leaves = covered.Where(k => !covered.Any(o => o.Segments.Length > k.Segments.Length && k.Covers(o))).ToList();
            if (leaves.Count == 0)
            {
                leaves.Add(path);
            }

            foreach (var leaf in leaves)
            {
                if (stages.All(s => string.Equals(entity.GetOwner(leaf, s), targetSystem, StringComparison.Ordinal)) && reported.Add(leaf.Text))
                {
                    errors.Add(new OwnershipPolicyError(
                        OwnershipErrorCodes.OutboundWriteToOwnedField,
                        $"The map writes {entityType} field '{leaf.Text}' to {targetSystem}, which owns it at every stage ({string.Join(", ", stages)}); writing it would overwrite the owner's data.",
                        leaf.Text,
                        "map"));
                }
            }
        }

        return errors;
    }

    /// <summary>Lists the rules of an entity type as declared, in declaration order, defaults included.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <returns>The rules; the policy-wide default is not included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<OwnershipRule> GetRules(string entityType)
    {
        Guard.Against.Null(entityType);
        return [.. _state.Rules
            .Where(r => string.Equals(r.EntityType, entityType, StringComparison.Ordinal))
            .Select(static r => new OwnershipRule(r.EntityType, r.FieldPath, r.Owner, r.Stages))];
    }

    /// <summary>Gets a builder holding this policy's declarations, to extend or override them.</summary>
    /// <returns>A new builder; changing it does not change this policy.</returns>
    public OwnershipPolicyBuilder ToBuilder()
    {
        var builder = new OwnershipPolicyBuilder(Catalog);
        builder.CopyFrom(_state);
        return builder;
    }

    internal bool TryGetEntity(string entityType, [NotNullWhen(true)] out EntityPolicy? entity) => _entities.TryGetValue(entityType, out entity);

    private EntityPolicy GetEntity(string entityType)
        => _entities.TryGetValue(Guard.Against.Null(entityType), out var entity)
            ? entity
            : throw new ArgumentException($"'{entityType}' is not an entity of the policy.", nameof(entityType));
}
