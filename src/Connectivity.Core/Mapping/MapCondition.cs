namespace Connectivity.Mapping;

/// <summary>A test on source values, for <see cref="ConditionRule"/>, and for filtering and picking array elements.</summary>
/// <param name="Kind">What is tested.</param>
public sealed record MapCondition(MapConditionKind Kind)
{
    /// <summary>Gets the source path tested (relative to the array element inside <c>each</c> and <c>pick</c>).</summary>
    public string? Path { get; init; }

    /// <summary>Gets the values compared with, as their text (numbers by their digits, booleans as <c>true</c>/<c>false</c>).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Gets whether string comparison ignores case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Gets the inner conditions of <see cref="MapConditionKind.All"/>, <see cref="MapConditionKind.Any"/> and <see cref="MapConditionKind.Not"/>.</summary>
    public IReadOnlyList<MapCondition> Conditions { get; init; } = [];

    /// <summary>A condition that holds when <paramref name="path"/> has a non-null value.</summary>
    /// <param name="path">The source path.</param>
    /// <returns>The condition.</returns>
    public static MapCondition Exists(string path) => new(MapConditionKind.Exists) { Path = path };

    /// <summary>A condition that holds when <paramref name="path"/> is absent or null.</summary>
    /// <param name="path">The source path.</param>
    /// <returns>The condition.</returns>
    public static MapCondition Missing(string path) => new(MapConditionKind.Missing) { Path = path };

    /// <summary>A condition that holds when the value at <paramref name="path"/> is one of <paramref name="values"/>.</summary>
    /// <param name="path">The source path.</param>
    /// <param name="values">The values, as text.</param>
    /// <returns>The condition.</returns>
    public static MapCondition EqualTo(string path, params string[] values) => new(MapConditionKind.Equals) { Path = path, Values = values };

    /// <summary>A condition that holds when the value at <paramref name="path"/> is none of <paramref name="values"/>.</summary>
    /// <param name="path">The source path.</param>
    /// <param name="values">The values, as text.</param>
    /// <returns>The condition.</returns>
    public static MapCondition NotEqualTo(string path, params string[] values) => new(MapConditionKind.NotEquals) { Path = path, Values = values };

    /// <summary>A condition that holds when all of <paramref name="conditions"/> hold.</summary>
    /// <param name="conditions">The inner conditions.</param>
    /// <returns>The condition.</returns>
    public static MapCondition All(params MapCondition[] conditions) => new(MapConditionKind.All) { Conditions = conditions };

    /// <summary>A condition that holds when any of <paramref name="conditions"/> holds.</summary>
    /// <param name="conditions">The inner conditions.</param>
    /// <returns>The condition.</returns>
    public static MapCondition Any(params MapCondition[] conditions) => new(MapConditionKind.Any) { Conditions = conditions };

    /// <summary>A condition that holds when <paramref name="condition"/> does not.</summary>
    /// <param name="condition">The inner condition.</param>
    /// <returns>The condition.</returns>
    public static MapCondition Not(MapCondition condition) => new(MapConditionKind.Not) { Conditions = [condition] };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        MapConditionKind.Exists => $"exists({Path})",
        MapConditionKind.Missing => $"missing({Path})",
        MapConditionKind.Equals => $"{Path} in [{string.Join(", ", Values)}]{(IgnoreCase ? " (ignore case)" : string.Empty)}",
        MapConditionKind.NotEquals => $"{Path} not in [{string.Join(", ", Values)}]{(IgnoreCase ? " (ignore case)" : string.Empty)}",
        MapConditionKind.Not => $"not({Conditions[0]})",
        _ => $"{Kind.ToString().ToLowerInvariant()}({string.Join(", ", Conditions)})",
    };
}
