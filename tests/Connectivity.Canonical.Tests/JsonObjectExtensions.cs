using System.Text.Json.Nodes;

namespace Connectivity.Canonical.Tests;

internal static class JsonObjectExtensions
{
    /// <summary>Copies every property of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Merge(this JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            target[name] = value?.DeepClone();
        }
    }
}
