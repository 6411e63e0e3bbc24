using System.Text;
using Connectivity.Mapping.Internal;

namespace Connectivity.Core.Tests.Mapping.Internal;

public sealed class ChildLookupTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(400)]
    public void Find_EveryKey_EqualsTheGroupAGeneralDictionaryGives(int count)
    {
        var parent = new SourceNode("$", null, 0);
        for (var i = 0; i < count; i++)
        {
            // Names that share keys (same length, first and last byte) as well as names that do not.
            SourceTrie.Child(parent, i % 3 == 0 ? $"a{i:D4}z" : $"n{i}");
        }

        var groups = parent.Properties.GroupBy(static p => SourceNode.KeyOf(p.NameUtf8)).ToList();
        var expected = groups.ToDictionary(static g => g.Key, static g => g.ToArray());

        var lookup = ChildLookup.Create(groups);

        Assert.NotNull(lookup);
        foreach (var (key, children) in expected)
        {
            Assert.Equal(children, lookup.Find(key));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("unknown")]
    [InlineData("a0000y")]
    public void Find_KeyOfNoChild_ReturnsNull(string name)
    {
        var parent = new SourceNode("$", null, 0);
        foreach (var child in new[] { "Id", "Name", "Phone", "a0000z", "Website", "Type" })
        {
            SourceTrie.Child(parent, child);
        }

        var lookup = ChildLookup.Create([.. parent.Properties.GroupBy(static p => SourceNode.KeyOf(p.NameUtf8))]);

        Assert.Null(lookup!.Find(SourceNode.KeyOf(Encoding.UTF8.GetBytes(name))));
    }
}
