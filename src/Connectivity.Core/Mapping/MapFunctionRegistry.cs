using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>
/// The functions a host lets its maps call by name. Register at start-up; a map looks its functions up
/// when it is compiled, so an unknown function is a build or load error, never a run-time surprise.
/// </summary>
public sealed class MapFunctionRegistry
{
    private readonly ConcurrentDictionary<string, MapFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>Gets an empty registry shared by maps that call no function.</summary>
    internal static MapFunctionRegistry Empty { get; } = new();

    /// <summary>Gets the registered names.</summary>
    public IReadOnlyCollection<string> Names => [.. _functions.Keys];

    /// <summary>Registers <paramref name="function"/> under <paramref name="name"/>, replacing any function of that name.</summary>
    /// <param name="name">The name documents call it by.</param>
    /// <param name="function">The function.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public MapFunctionRegistry Register(string name, MapFunction function)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(function);
        _functions[name] = function;
        return this;
    }

    /// <summary>Looks a function up.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="function">The function, when registered.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGet(string name, [NotNullWhen(true)] out MapFunction? function) => _functions.TryGetValue(Guard.Against.Null(name), out function);
}
