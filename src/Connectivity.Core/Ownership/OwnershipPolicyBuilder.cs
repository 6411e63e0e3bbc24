using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Entities;
using Connectivity.Ownership.Internal;

namespace Connectivity.Ownership;

/// <summary>
/// Builds an <see cref="OwnershipPolicy"/> from C# declarations and JSON documents, in any mix: later
/// declarations override earlier ones, so a host can start from a shipped policy and change what it needs.
/// Mutable and not thread-safe; <see cref="Build"/> validates against the entity catalog.
/// </summary>
/// <example>
/// <code>
/// var policy = new OwnershipPolicyBuilder(catalog)
///     .AddSystems("crm", "erp")
///     .Entity("customer", c => c
///         .DefaultOwner("crm")
///         .Field("creditLimit", "crm", "prospect")
///         .Field("creditLimit", "erp", "active", "onHold", "inactive"))
///     .Build();
/// </code>
/// </example>
public sealed class OwnershipPolicyBuilder
{
    private readonly List<SystemDeclaration> _systems = [];
    private readonly List<DefaultOwnerDeclaration> _defaults = [];
    private readonly List<EntityDeclaration> _entities = [];
    private readonly List<RuleDeclaration> _rules = [];
    private readonly Dictionary<string, int> _csharpFieldCounts = new(StringComparer.Ordinal);
    private readonly List<OwnershipPolicyError> _documentErrors = [];
    private int _systemCount;

    /// <summary>Initializes a new instance of the <see cref="OwnershipPolicyBuilder"/> class.</summary>
    /// <param name="catalog">The entity types the policy is validated against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder(IEntityCatalog catalog)
    {
        Catalog = Guard.Against.Null(catalog);
    }

    /// <summary>Gets the entity types the policy is validated against.</summary>
    public IEntityCatalog Catalog { get; }

    /// <summary>Declares systems that may own fields.</summary>
    /// <param name="systems">The system names, for example <c>crm</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="systems"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A system name is null, empty or white space.</exception>
    public OwnershipPolicyBuilder AddSystems(params string[] systems)
    {
        Guard.Against.Null(systems);
        foreach (var system in systems)
        {
            Guard.Against.NullOrWhiteSpace(system);
            _systems.Add(new SystemDeclaration(system, DeclarationSource.CSharp, $"$.systems[{_systemCount++}]"));
        }

        return this;
    }

    /// <summary>Declares the owner of every field that no entity rule names.</summary>
    /// <param name="system">The owning system.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="system"/> is null, empty or white space.</exception>
    public OwnershipPolicyBuilder DefaultOwner(string system)
    {
        Guard.Against.NullOrWhiteSpace(system);
        _defaults.Add(new DefaultOwnerDeclaration(system, DeclarationSource.CSharp, "$.defaultOwner"));
        return this;
    }

    /// <summary>Declares rules for one entity type.</summary>
    /// <param name="entityType">The entity name, as the catalog spells it.</param>
    /// <param name="configure">Declares the rules.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder Entity(string entityType, Action<EntityOwnershipBuilder> configure)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.Null(configure);
        _entities.Add(new EntityDeclaration(entityType, DeclarationSource.CSharp, EntityPath(entityType)));
        configure(new EntityOwnershipBuilder(this, entityType));
        return this;
    }

    /// <summary>
    /// Adds the declarations of a JSON policy document (see <see cref="OwnershipPolicyDocument"/>). A malformed
    /// document is not thrown here: its errors, with line and JSON path, are reported by <see cref="Build"/>.
    /// </summary>
    /// <param name="json">The document text.</param>
    /// <param name="sourceName">A name for the document in error messages, for example its file name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder AddJson(string json, string? sourceName = null)
    {
        Guard.Against.Null(json);
        return AddUtf8Json(Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>Adds the declarations of a UTF-8 JSON policy document; see <see cref="AddJson(string, string?)"/>.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="sourceName">A name for the document in error messages.</param>
    /// <returns>This builder.</returns>
    public OwnershipPolicyBuilder AddUtf8Json(ReadOnlySpan<byte> utf8Json, string? sourceName = null)
    {
        var source = new DeclarationSource(sourceName ?? "policy.json", JsonLocationIndex.Build(utf8Json));
        OwnershipPolicyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, OwnershipJsonContext.Default.OwnershipPolicyDocument);
        }
        catch (JsonException ex)
        {
            _documentErrors.Add(new OwnershipPolicyError(
                OwnershipErrorCodes.InvalidDocument,
                $"The document is not a valid ownership policy: {ex.Message}",
                ex.Path ?? "$",
                source.Name,
                ex.LineNumber + 1,
                ex.BytePositionInLine + 1));
            return this;
        }

        if (document is null)
        {
            _documentErrors.Add(source.Error(OwnershipErrorCodes.InvalidDocument, "The document is null, not an ownership policy.", "$"));
            return this;
        }

        AddDocument(document, source);
        return this;
    }

    /// <summary>Adds the declarations of a policy document already read.</summary>
    /// <param name="document">The document.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public OwnershipPolicyBuilder AddDocument(OwnershipPolicyDocument document)
    {
        Guard.Against.Null(document);
        AddDocument(document, new DeclarationSource("document", null));
        return this;
    }

    /// <summary>Validates the declarations without building.</summary>
    /// <returns>The problems found; empty when the policy is valid.</returns>
    public IReadOnlyList<OwnershipPolicyError> Validate() => Compile(out _);

    /// <summary>Validates and builds the policy, reporting problems as values.</summary>
    /// <param name="policy">The policy, when valid.</param>
    /// <param name="errors">The problems found; empty when valid.</param>
    /// <returns><see langword="true"/> when the policy is valid.</returns>
    public bool TryBuild([NotNullWhen(true)] out OwnershipPolicy? policy, out IReadOnlyList<OwnershipPolicyError> errors)
    {
        errors = Compile(out policy);
        return policy is not null;
    }

    /// <summary>Validates and builds the immutable, thread-safe policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="OwnershipPolicyException">The policy is not valid; <see cref="OwnershipPolicyException.Errors"/> lists why and where.</exception>
    public OwnershipPolicy Build()
        => TryBuild(out var policy, out var errors) ? policy : throw new OwnershipPolicyException(errors);

    internal static string EntityPath(string entityType) => JsonLocationIndex.Append("$.entities", entityType);

    internal int NextCSharpFieldIndex(string entityType)
    {
        _csharpFieldCounts.TryGetValue(entityType, out var count);
        _csharpFieldCounts[entityType] = count + 1;
        return count;
    }

    internal void AddRule(string entityType, string? fieldPath, string owner, IReadOnlyList<string>? stages, DeclarationSource source, string path)
        => _rules.Add(new RuleDeclaration(entityType, fieldPath, owner, stages, source, path));

    internal void CopyFrom(OwnershipPolicyBuilderState state)
    {
        _systems.AddRange(state.Systems);
        _systemCount = state.Systems.Count;
        _defaults.AddRange(state.Defaults);
        _entities.AddRange(state.Entities);
        _rules.AddRange(state.Rules);
        foreach (var (entity, count) in state.FieldCounts)
        {
            _csharpFieldCounts[entity] = count;
        }
    }

    private void AddDocument(OwnershipPolicyDocument document, DeclarationSource source)
    {
        for (var i = 0; i < document.Systems.Count; i++)
        {
            _systems.Add(new SystemDeclaration(document.Systems[i] ?? string.Empty, source, $"$.systems[{i}]"));
        }

        if (document.DefaultOwner is not null)
        {
            _defaults.Add(new DefaultOwnerDeclaration(document.DefaultOwner, source, "$.defaultOwner"));
        }

        foreach (var (entityType, entity) in document.Entities)
        {
            var entityPath = EntityPath(entityType);
            _entities.Add(new EntityDeclaration(entityType, source, entityPath));
            if (entity is null)
            {
                continue;
            }

            if (entity.DefaultOwner is not null)
            {
                AddRule(entityType, null, entity.DefaultOwner, null, source, JsonLocationIndex.Append(entityPath, "defaultOwner"));
            }

            for (var i = 0; i < entity.Fields.Count; i++)
            {
                var field = entity.Fields[i];
                var rulePath = $"{JsonLocationIndex.Append(entityPath, "fields")}[{i}]";
                if (field is null)
                {
                    _documentErrors.Add(source.Error(OwnershipErrorCodes.InvalidDocument, "A field rule is null.", rulePath));
                    continue;
                }

                AddRule(entityType, field.Path ?? string.Empty, field.Owner ?? string.Empty, field.Stages, source, rulePath);
            }
        }
    }

    private List<OwnershipPolicyError> Compile(out OwnershipPolicy? policy)
    {
        policy = null;
        var errors = new List<OwnershipPolicyError>(_documentErrors);

        var systems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var system in _systems)
        {
            if (string.IsNullOrWhiteSpace(system.Name))
            {
                errors.Add(system.Source.Error(OwnershipErrorCodes.InvalidDocument, "A system name is empty.", system.Path));
            }
            else
            {
                systems.Add(system.Name);
            }
        }

        bool CheckSystem(string owner, DeclarationSource source, string path)
        {
            if (systems.Contains(owner))
            {
                return true;
            }

            errors.Add(source.Error(
                OwnershipErrorCodes.UnknownSystem,
                $"'{owner}' is not a system of the policy; declared systems: {(systems.Count == 0 ? "none" : string.Join(", ", systems.Order(StringComparer.Ordinal)))}.",
                path));
            return false;
        }

        string? policyDefault = null;
        foreach (var declaration in _defaults)
        {
            if (CheckSystem(declaration.Owner, declaration.Source, declaration.Path))
            {
                policyDefault = declaration.Owner;
            }
        }

        foreach (var entity in _entities)
        {
            if (!Catalog.TryGetEntity(entity.EntityType, out _))
            {
                errors.Add(entity.Source.Error(
                    OwnershipErrorCodes.UnknownEntity,
                    $"'{entity.EntityType}' is not an entity of the catalog; known: {string.Join(", ", Catalog.Entities.Select(static e => e.Name))}.",
                    entity.Path));
            }
        }

        var rulesByEntity = new Dictionary<string, List<CompiledRule>>(StringComparer.Ordinal);
        var defaultsByEntity = new Dictionary<string, string>(StringComparer.Ordinal);
        var knownPaths = new Dictionary<string, FieldPath[]>(StringComparer.Ordinal);
        for (var order = 0; order < _rules.Count; order++)
        {
            var rule = _rules[order];
            if (!Catalog.TryGetEntity(rule.EntityType, out var descriptor))
            {
                continue; // reported once, on the entity
            }

            var ownerPath = rule.FieldPath is null ? rule.Path : JsonLocationIndex.Append(rule.Path, "owner");
            var valid = CheckSystem(rule.Owner, rule.Source, ownerPath);

            FrozenSet<string>? stages = null;
            if (rule.Stages is not null)
            {
                for (var i = 0; i < rule.Stages.Count; i++)
                {
                    var stage = rule.Stages[i];
                    if (stage is null || !descriptor.Lifecycle.ContainsStage(stage))
                    {
                        valid = false;
                        errors.Add(rule.Source.Error(
                            OwnershipErrorCodes.UnknownStage,
                            $"'{stage}' is not a stage of the {descriptor.Name} lifecycle; stages: {string.Join(", ", descriptor.Lifecycle.Stages)}.",
                            $"{JsonLocationIndex.Append(rule.Path, "stages")}[{i}]"));
                    }
                }

                stages = rule.Stages.Where(static s => s is not null).ToFrozenSet(StringComparer.Ordinal);
            }

            if (rule.FieldPath is null)
            {
                if (valid)
                {
                    defaultsByEntity[rule.EntityType] = rule.Owner;
                }

                continue;
            }

            var fieldPathLocation = JsonLocationIndex.Append(rule.Path, "path");
            if (!FieldPath.TryParse(rule.FieldPath, out var pattern, out var parseError))
            {
                errors.Add(rule.Source.Error(OwnershipErrorCodes.InvalidFieldPath, parseError!, fieldPathLocation));
                continue;
            }

            if (!knownPaths.TryGetValue(descriptor.Name, out var known))
            {
                known = [.. descriptor.FieldPaths.Select(FieldPath.Parse)];
                knownPaths[descriptor.Name] = known;
            }

            if (!known.Any(pattern.Overlaps))
            {
                errors.Add(rule.Source.Error(
                    OwnershipErrorCodes.UnknownField,
                    $"'{rule.FieldPath}' addresses no field of {descriptor.Name}.",
                    fieldPathLocation));
                continue;
            }

            if (valid)
            {
                if (!rulesByEntity.TryGetValue(descriptor.Name, out var list))
                {
                    rulesByEntity[descriptor.Name] = list = [];
                }

                list.Add(new CompiledRule(pattern, rule.Owner, stages, order));
            }
        }

        var entityPolicies = new Dictionary<string, EntityPolicy>(StringComparer.Ordinal);
        foreach (var descriptor in Catalog.Entities)
        {
            var defaultOwner = defaultsByEntity.GetValueOrDefault(descriptor.Name) ?? policyDefault;
            rulesByEntity.TryGetValue(descriptor.Name, out var rules);
            var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var stage in descriptor.Lifecycle.Stages)
            {
                // A catch-all rule ('*') at a stage is as good as a default owner there.
                var owner = defaultOwner ?? rules?
                    .Where(r => r.Pattern.Segments is [{ Kind: FieldPathSegmentKind.AnyProperty }] && (r.Stages is null || r.Stages.Contains(stage)))
                    .OrderByDescending(static r => r.Order)
                    .Select(static r => r.Owner)
                    .FirstOrDefault();
                if (owner is null)
                {
                    missing.Add(stage);
                }
                else
                {
                    defaults[stage] = owner;
                }
            }

            if (missing.Count > 0)
            {
                errors.Add(new OwnershipPolicyError(
                    OwnershipErrorCodes.MissingDefaultOwner,
                    $"{descriptor.Name} has no default owner at {string.Join(", ", missing)}; declare one for the entity or for the policy.",
                    EntityPath(descriptor.Name)));
                continue;
            }

            entityPolicies[descriptor.Name] = new EntityPolicy(descriptor, rules ?? [], defaults.ToFrozenDictionary(StringComparer.Ordinal));
        }

        if (errors.Count == 0)
        {
            var state = new OwnershipPolicyBuilderState([.. _systems], [.. _defaults], [.. _entities], [.. _rules], new Dictionary<string, int>(_csharpFieldCounts, StringComparer.Ordinal));
            policy = new OwnershipPolicy(Catalog, systems.ToFrozenSet(StringComparer.Ordinal), entityPolicies.ToFrozenDictionary(StringComparer.Ordinal), state);
        }

        return errors;
    }
}
