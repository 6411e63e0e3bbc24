namespace Connectivity.Mapping.Internal;

/// <summary>The compiled, immutable form of a map: the source trie, the literal pool and the root writer.</summary>
internal sealed class MapProgram
{
    public required SourceTrie Trie { get; init; }

    public required int[] ScopeSlotCounts { get; init; }

    public required byte[] Literals { get; init; }

    public required ObjectWriter Root { get; init; }

    public required byte[][] NullSentinels { get; init; }

    public required bool WriteNulls { get; init; }

    public required bool CaptureUnmapped { get; init; }

    public required int MaxDepth { get; init; }
}
