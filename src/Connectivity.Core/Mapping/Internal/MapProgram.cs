namespace Connectivity.Mapping.Internal;

/// <summary>The compiled, immutable form of a map: the source trie, the literal pool and the root writer.</summary>
internal sealed class MapProgram
{
    public required SourceTrie Trie { get; init; }

    public required int[] ScopeSlotCounts { get; init; }

    public required byte[] Literals { get; init; }

    public required ObjectWriter Root { get; init; }

    public required byte[][] NullSentinels
    {
        get;
        init
        {
            field = value;
            NullSentinelLengths = 0;
            foreach (var sentinel in value)
            {
                NullSentinelLengths |= sentinel.Length < 64 ? 1UL << sentinel.Length : 1UL << 63;
            }
        }
    }

    /// <summary>Gets one bit per length a null sentinel has (bit 63 also stands for every longer one), so most values skip the comparisons.</summary>
    public ulong NullSentinelLengths { get; private set; }

    /// <summary>Whether a text of <paramref name="length"/> bytes could be a null sentinel.</summary>
    public bool MayBeNullSentinel(int length) => (NullSentinelLengths & (1UL << Math.Min(length, 63))) != 0;

    /// <summary>Whether <paramref name="text"/> is one of the null sentinels.</summary>
    public bool IsNullSentinel(ReadOnlySpan<byte> text)
    {
        foreach (var sentinel in NullSentinels)
        {
            if (text.SequenceEqual(sentinel))
            {
                return true;
            }
        }

        return false;
    }

    public required bool WriteNulls { get; init; }

    public required bool CaptureUnmapped { get; init; }

    public required int MaxDepth { get; init; }
}
