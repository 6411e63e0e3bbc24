namespace Connectivity.Cli.Tests;

/// <summary>Finds files of the repository from a running test.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "docs", "examples", name);

    public static string DirectMap => Example("crm-account-to-erp-customer.map.json");

    public static string Fixture(string name) => Path.Combine(Root, "tests", "Connectivity.Canonical.Tests", "Mapping", "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Connectivity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Connectivity.sln above {AppContext.BaseDirectory}.");
    }
}
