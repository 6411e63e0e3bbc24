namespace Connectivity.Mapping.Internal;

/// <summary>
/// The children of a trie node grouped by <see cref="SourceNode.KeyOf"/>, in an open table sized so that no two keys
/// share a bucket: a lookup is one multiply, one shift and one compare. Read for every property name of a record, known
/// or not, so it is kept cheaper than a general dictionary. Immutable once built.
/// </summary>
internal sealed class ChildLookup
{
    private const int MaxBits = 16;

    private readonly int[] _keys;
    private readonly SourceNode[]?[] _children;
    private readonly int _shift;

    private ChildLookup(int[] keys, SourceNode[]?[] children, int shift)
    {
        _keys = keys;
        _children = children;
        _shift = shift;
    }

    /// <summary>Builds the table for children grouped by key; null when no table up to 2^16 buckets is free of collisions (the children are then scanned).</summary>
    public static ChildLookup? Create(IReadOnlyList<IGrouping<int, SourceNode>> groups)
    {
        var bits = 2;
        while ((1 << bits) < groups.Count * 2)
        {
            bits++;
        }

        for (; bits <= MaxBits; bits++)
        {
            var size = 1 << bits;
            var shift = 32 - bits;
            var keys = new int[size];
            var children = new SourceNode[]?[size];
            var collision = false;
            foreach (var group in groups)
            {
                var at = Bucket(group.Key, shift);
                if (children[at] is not null)
                {
                    collision = true;
                    break;
                }

                keys[at] = group.Key;
                children[at] = [.. group];
            }

            if (!collision)
            {
                return new ChildLookup(keys, children, shift);
            }
        }

        return null;
    }

    /// <summary>The children whose name has <paramref name="key"/>, or null when there are none.</summary>
    public SourceNode[]? Find(int key)
    {
        var at = Bucket(key, _shift);
        return _keys[at] == key ? _children[at] : null;
    }

    // Fibonacci hashing: the top bits of key * 2^32/phi.
    private static int Bucket(int key, int shift) => (int)(((uint)key * 0x9E3779B9u) >> shift);
}
