using System.Collections.Concurrent;
using System.Text.Json;

namespace Connectivity.Canonical.Internal;

/// <summary>Spells enum stage members the way JSON and the lifecycle definitions do: camelCase.</summary>
internal static class StageNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<TStage>(TStage stage)
        where TStage : struct, Enum
        => Cache.GetOrAdd(stage, static s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()));

    public static IEnumerable<string> All<TStage>()
        where TStage : struct, Enum
        => Enum.GetValues<TStage>().Select(static s => Of(s));
}
