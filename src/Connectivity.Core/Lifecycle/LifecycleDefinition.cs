using System.Collections.Frozen;
using Ardalis.GuardClauses;

namespace Connectivity.Lifecycle;

/// <summary>
/// The stages of an entity's lifecycle and the transitions allowed between them. Immutable and
/// thread-safe; built by <see cref="LifecycleBuilder"/>. Stage names compare ordinally.
/// </summary>
public sealed class LifecycleDefinition
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _next;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _nextInOrder;

    internal LifecycleDefinition(string entityType, IReadOnlyList<string> stages, string initialStage, Dictionary<string, string[]> next)
    {
        EntityType = entityType;
        Stages = stages;
        InitialStage = initialStage;
        _next = next.ToFrozenDictionary(static p => p.Key, static p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _nextInOrder = next.ToFrozenDictionary(static p => p.Key, static p => (IReadOnlyList<string>)Array.AsReadOnly(p.Value), StringComparer.Ordinal);
    }

    /// <summary>Gets the name of the entity type the lifecycle belongs to.</summary>
    public string EntityType { get; }

    /// <summary>Gets every stage, in declaration order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Gets the stage a new record starts in.</summary>
    public string InitialStage { get; }

    /// <summary>Gets whether <paramref name="stage"/> is a stage of this lifecycle.</summary>
    /// <param name="stage">The stage name.</param>
    /// <returns><see langword="true"/> when the stage is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is <see langword="null"/>.</exception>
    public bool ContainsStage(string stage) => _next.ContainsKey(Guard.Against.Null(stage));

    /// <summary>Gets whether a record in <paramref name="stage"/> can move no further.</summary>
    /// <param name="stage">A known stage name.</param>
    /// <returns><see langword="true"/> when no transition leaves the stage.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is not a stage of this lifecycle.</exception>
    public bool IsTerminal(string stage) => GetNextStages(stage).Count == 0;

    /// <summary>Gets the stages a record in <paramref name="stage"/> may move to, in declaration order.</summary>
    /// <param name="stage">A known stage name.</param>
    /// <returns>The allowed next stages; empty for a terminal stage.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is not a stage of this lifecycle.</exception>
    public IReadOnlyList<string> GetNextStages(string stage)
    {
        Guard.Against.Null(stage);
        return _nextInOrder.TryGetValue(stage, out var next)
            ? next
            : throw new ArgumentException($"'{stage}' is not a stage of the {EntityType} lifecycle.", nameof(stage));
    }

    /// <summary>
    /// Gets whether a record may move from <paramref name="from"/> to <paramref name="to"/>.
    /// Staying in a known stage is always allowed.
    /// </summary>
    /// <param name="from">The current stage.</param>
    /// <param name="to">The requested stage.</param>
    /// <returns><see langword="true"/> when the move is allowed.</returns>
    /// <exception cref="ArgumentNullException">A stage is <see langword="null"/>.</exception>
    public bool CanTransition(string from, string to) => CheckTransition(from, to).IsAllowed;

    /// <summary>Checks a move between stages and says why it is refused, if it is.</summary>
    /// <param name="from">The current stage.</param>
    /// <param name="to">The requested stage.</param>
    /// <returns>The outcome of the check; never throws for an unknown or refused stage.</returns>
    /// <exception cref="ArgumentNullException">A stage is <see langword="null"/>.</exception>
    public LifecycleTransitionCheck CheckTransition(string from, string to)
    {
        Guard.Against.Null(from);
        Guard.Against.Null(to);

        if (!_next.TryGetValue(from, out var next))
        {
            return LifecycleTransitionCheck.Refused(from, to, LifecycleErrorCodes.UnknownStage, $"'{from}' is not a stage of the {EntityType} lifecycle.");
        }

        if (!_next.ContainsKey(to))
        {
            return LifecycleTransitionCheck.Refused(from, to, LifecycleErrorCodes.UnknownStage, $"'{to}' is not a stage of the {EntityType} lifecycle.");
        }

        if (string.Equals(from, to, StringComparison.Ordinal) || next.Contains(to))
        {
            return LifecycleTransitionCheck.Allowed(from, to);
        }

        return LifecycleTransitionCheck.Refused(
            from,
            to,
            LifecycleErrorCodes.TransitionNotAllowed,
            $"A {EntityType} cannot move from '{from}' to '{to}'; allowed next stages: {(next.Count == 0 ? "none" : string.Join(", ", _nextInOrder[from]))}.");
    }
}
