using Ardalis.GuardClauses;

namespace Connectivity.Lifecycle;

/// <summary>
/// Describes the stages of an entity's lifecycle and the transitions allowed between them.
/// The builder is mutable; <see cref="Build"/> validates it and returns an immutable, thread-safe
/// <see cref="LifecycleDefinition"/>.
/// </summary>
/// <example>
/// <code>
/// var lifecycle = new LifecycleBuilder("customer")
///     .InitialStage("prospect")
///     .Transition("prospect", "active")
///     .Transition("active", "onHold", "inactive")
///     .Build();
/// </code>
/// </example>
public sealed class LifecycleBuilder
{
    private readonly List<string> _stages = [];
    private readonly List<(string From, string To)> _transitions = [];
    private string? _initialStage;

    /// <summary>Initializes a new instance of the <see cref="LifecycleBuilder"/> class.</summary>
    /// <param name="entityType">The name of the entity type the lifecycle belongs to, for example <c>customer</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is null, empty or white space.</exception>
    public LifecycleBuilder(string entityType)
    {
        EntityType = Guard.Against.NullOrWhiteSpace(entityType);
    }

    /// <summary>Gets the name of the entity type the lifecycle belongs to.</summary>
    public string EntityType { get; }

    /// <summary>Declares a stage. Stages are listed in the order they are first declared or used.</summary>
    /// <param name="stage">The stage name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is null, empty or white space.</exception>
    public LifecycleBuilder Stage(string stage)
    {
        Guard.Against.NullOrWhiteSpace(stage);
        if (!_stages.Contains(stage, StringComparer.Ordinal))
        {
            _stages.Add(stage);
        }

        return this;
    }

    /// <summary>Declares the stage a new record starts in.</summary>
    /// <param name="stage">The stage name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is null, empty or white space.</exception>
    public LifecycleBuilder InitialStage(string stage)
    {
        Stage(stage);
        _initialStage = stage;
        return this;
    }

    /// <summary>Allows moving from one stage to each of the given stages.</summary>
    /// <param name="from">The stage the record is in.</param>
    /// <param name="to">The stages it may move to.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A stage name is null, empty or white space, or <paramref name="to"/> is empty.</exception>
    public LifecycleBuilder Transition(string from, params string[] to)
    {
        Stage(from);
        Guard.Against.NullOrEmpty(to);
        foreach (var target in to)
        {
            Stage(target);
            _transitions.Add((from, target));
        }

        return this;
    }

    /// <summary>Validates the lifecycle and returns its immutable form.</summary>
    /// <returns>The lifecycle definition.</returns>
    /// <exception cref="InvalidOperationException">
    /// No initial stage was declared, or a stage cannot be reached from the initial stage.
    /// </exception>
    public LifecycleDefinition Build()
    {
        if (_initialStage is null)
        {
            throw new InvalidOperationException($"The lifecycle of '{EntityType}' has no initial stage.");
        }

        var next = _stages.ToDictionary(
            static s => s,
            s => _transitions.Where(t => t.From == s).Select(static t => t.To).Distinct(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);

        var reached = new HashSet<string>(StringComparer.Ordinal) { _initialStage };
        var pending = new Queue<string>([_initialStage]);
        while (pending.TryDequeue(out var stage))
        {
            foreach (var target in next[stage])
            {
                if (reached.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        var unreachable = _stages.Where(s => !reached.Contains(s)).ToArray();
        if (unreachable.Length > 0)
        {
            throw new InvalidOperationException(
                $"The lifecycle of '{EntityType}' has stages that cannot be reached from '{_initialStage}': {string.Join(", ", unreachable)}.");
        }

        return new LifecycleDefinition(EntityType, [.. _stages], _initialStage, next);
    }
}
