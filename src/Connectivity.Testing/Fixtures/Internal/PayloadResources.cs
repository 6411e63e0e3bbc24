using System.Collections.Frozen;

namespace Connectivity.Testing.Fixtures.Internal;

/// <summary>The embedded payload files, read once: name (<c>crm/account</c>) to UTF-8 bytes.</summary>
internal static class PayloadResources
{
    private const string Prefix = "Connectivity.Testing.Payloads/";
    private const string Extension = ".json";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Payloads = new(Load);

    public static FrozenDictionary<string, byte[]> All => Payloads.Value;

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(PayloadResources).Assembly;
        var payloads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            // RecursiveDir has the build machine's separator; names always use '/'.
            var name = resource[Prefix.Length..^Extension.Length].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            payloads.Add(name, buffer.ToArray());
        }

        return payloads.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
