using System.Reflection;
using System.Text.RegularExpressions;

namespace Connectivity.Canonical.Tests;

/// <summary>Every stable error code in the libraries is listed once in docs/error-codes.md, and every listed code exists.</summary>
public sealed partial class ErrorCodeCatalogTests
{
    [Fact]
    public void ErrorCodesDocument_ListsEveryCodeExactlyOnce()
    {
        var assemblies = new[] { typeof(Connectivity.Mapping.CompiledMap).Assembly, typeof(CanonicalModel).Assembly, typeof(Connectivity.Connectors.Http.HttpConnector).Assembly };
        var codes = assemblies
            .SelectMany(static a => a.GetTypes())
            .Where(static t => t.IsPublic && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
            .SelectMany(static t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(static f => f.IsLiteral))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .ToArray();
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "error-codes.md"));
        var listed = TableCode().Matches(document).Select(static m => m.Groups[1].Value).ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal(listed.Length, listed.Distinct().Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| (CNX\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
