using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;

namespace Connectivity.Mapping.Internal;

/// <summary>
/// The entity binders and readers of one compiled map, one per entity metadata, planned on first use and kept
/// (the last one used is checked first, without a lookup). A null plan means the JSON path.
/// </summary>
internal sealed class EntityPlans(MapProgram program)
{
    private readonly ConcurrentDictionary<JsonTypeInfo, Plan> _binders = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<JsonTypeInfo, Plan> _readers = new(ReferenceEqualityComparer.Instance);
    private volatile Plan? _lastBinder;
    private volatile Plan? _lastReader;

    public EntityBinder? Binder(JsonTypeInfo typeInfo)
    {
        var plan = _lastBinder;
        if (plan is null || !ReferenceEquals(plan.TypeInfo, typeInfo))
        {
            // Metadata that can still change is not planned for: the JSON path locks it on first use.
            if (!typeInfo.IsReadOnly)
            {
                return null;
            }

            _lastBinder = plan = _binders.GetOrAdd(typeInfo, static (t, p) => new Plan(t, EntityBinder.TryCreate(p, t)), program);
        }

        return (EntityBinder?)plan.Value;
    }

    public EntitySourceReader? Reader(JsonTypeInfo typeInfo)
    {
        var plan = _lastReader;
        if (plan is null || !ReferenceEquals(plan.TypeInfo, typeInfo))
        {
            if (!typeInfo.IsReadOnly)
            {
                return null;
            }

            _lastReader = plan = _readers.GetOrAdd(typeInfo, static (t, p) => new Plan(t, EntitySourceReader.TryCreate(p, t)), program);
        }

        return (EntitySourceReader?)plan.Value;
    }

    private sealed class Plan(JsonTypeInfo typeInfo, object? value)
    {
        public JsonTypeInfo TypeInfo { get; } = typeInfo;

        public object? Value { get; } = value;
    }
}
