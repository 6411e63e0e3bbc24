using Ardalis.GuardClauses;
using Connectivity.Mapping.Internal;

namespace Connectivity.Mapping;

/// <summary>Turns a <see cref="MapDefinition"/> into a <see cref="CompiledMap"/>, checking it against the target model and the host's functions.</summary>
public static class MapCompiler
{
    /// <summary>Compiles a map definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="options">Functions, target model and shared value maps; defaults when <see langword="null"/>.</param>
    /// <returns>The compiled map, immutable and safe to share across threads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="MapDefinitionException">The definition is invalid; every problem is listed.</exception>
    public static CompiledMap Compile(MapDefinition definition, MapCompilerOptions? options = null)
    {
        Guard.Against.Null(definition);
        var errors = new List<MapDefinitionError>();
        var map = MapCompilation.TryCompile(definition, options ?? new MapCompilerOptions(), errors);
        return map ?? throw new MapDefinitionException(errors);
    }
}
