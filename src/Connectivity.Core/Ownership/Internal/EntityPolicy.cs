using System.Collections.Concurrent;
using System.Collections.Frozen;
using Connectivity.Entities;

namespace Connectivity.Ownership.Internal;

/// <summary>The compiled rules of one entity type: most specific first, then the later declaration first.</summary>
internal sealed class EntityPolicy
{
    private const int MaxCachedPaths = 4096;

    private readonly CompiledRule[] _rules;
    private readonly FrozenDictionary<string, string> _defaultOwners;
    private readonly ConcurrentDictionary<string, FieldPath> _parsed = new(StringComparer.Ordinal);

    public EntityPolicy(EntityDescriptor descriptor, IEnumerable<CompiledRule> rules, FrozenDictionary<string, string> defaultOwners)
    {
        Descriptor = descriptor;
        _rules = [.. rules.OrderByDescending(static r => r.Pattern.Specificity).ThenByDescending(static r => r.Order)];
        _defaultOwners = defaultOwners;
        KnownPaths = [.. descriptor.FieldPaths.Select(FieldPath.Parse)];
        StagePath = FieldPath.Parse(descriptor.StageField);
    }

    public EntityDescriptor Descriptor { get; }

    public FieldPath[] KnownPaths { get; }

    public FieldPath StagePath { get; }

    public FieldPath Parse(string path)
    {
        if (_parsed.TryGetValue(path, out var parsed))
        {
            return parsed;
        }

        parsed = FieldPath.Parse(path);
        if (_parsed.Count < MaxCachedPaths)
        {
            _parsed.TryAdd(path, parsed);
        }

        return parsed;
    }

    public string GetOwner(FieldPath path, string stage)
    {
        foreach (var rule in _rules)
        {
            if ((rule.Stages is null || rule.Stages.Contains(stage)) && rule.Pattern.Covers(path))
            {
                return rule.Owner;
            }
        }

        return _defaultOwners[stage];
    }
}

/// <summary>A validated field rule.</summary>
internal sealed record CompiledRule(FieldPath Pattern, string Owner, FrozenSet<string>? Stages, int Order);
