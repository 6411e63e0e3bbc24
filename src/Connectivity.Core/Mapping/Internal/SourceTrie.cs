using System.Text;

namespace Connectivity.Mapping.Internal;

/// <summary>A property (or array element) of the source the map reads; children are what it reads below it.</summary>
internal sealed class SourceNode(string name, SourceNode? parent, int scope)
{
    public string Name { get; } = name;

    public byte[] NameUtf8 { get; } = Encoding.UTF8.GetBytes(name);

    public SourceNode? Parent { get; } = parent;

    /// <summary>Gets the array scope the node's value is captured in (0 for the record root).</summary>
    public int Scope { get; } = scope;

    public SourceNode[] Properties { get; set; } = [];

    /// <summary>Gets or sets the node standing for every element of the array at this node.</summary>
    public SourceNode? Element { get; set; }

    public int Slot { get; set; } = -1;

    /// <summary>Gets the children grouped by a cheap key of their UTF-8 name, for nodes with many children.</summary>
    public ChildLookup? Lookup { get; private set; }

    public static int KeyOf(ReadOnlySpan<byte> name)
        => name.IsEmpty ? 0 : (name.Length << 16) | (name[0] << 8) | name[^1];

    /// <summary>Builds <see cref="Lookup"/> here and below, once the trie is complete.</summary>
    public void Freeze()
    {
        Lookup = Properties.Length > 4
            ? ChildLookup.Create([.. Properties.GroupBy(static p => KeyOf(p.NameUtf8))])
            : null;
        foreach (var child in Properties)
        {
            child.Freeze();
        }

        Element?.Freeze();
    }
}

/// <summary>
/// The source paths a compiled map reads, merged into one tree, so the record is read once, forward
/// only, and only what the map needs is captured. Each array read element by element opens a scope;
/// each element is a frame of that scope.
/// </summary>
internal sealed class SourceTrie
{
    private readonly List<int> _scopeSlotCounts = [0];
    private readonly List<SourceNode> _scopeNodes = [];

    public SourceTrie()
    {
        Root = new SourceNode("$", null, 0);
        _scopeNodes.Add(Root);
    }

    public SourceNode Root { get; }

    public int ScopeCount => _scopeSlotCounts.Count;

    public int SlotCount(int scope) => _scopeSlotCounts[scope];

    /// <summary>Gets the node that owns a scope: the root, or an array's element node.</summary>
    public SourceNode ScopeNode(int scope) => _scopeNodes[scope];

    public static SourceNode Child(SourceNode node, string name)
    {
        foreach (var existing in node.Properties)
        {
            if (existing.Name == name)
            {
                return existing;
            }
        }

        var child = new SourceNode(name, node, node.Scope);
        node.Properties = [.. node.Properties, child];
        return child;
    }

    public SourceNode ElementOf(SourceNode node)
    {
        if (node.Element is null)
        {
            var scope = _scopeSlotCounts.Count;
            _scopeSlotCounts.Add(0);
            node.Element = new SourceNode("[*]", node, scope);
            _scopeNodes.Add(node.Element);
        }

        return node.Element;
    }

    public int EnsureSlot(SourceNode node)
    {
        if (node.Slot < 0)
        {
            node.Slot = _scopeSlotCounts[node.Scope]++;
        }

        return node.Slot;
    }
}
