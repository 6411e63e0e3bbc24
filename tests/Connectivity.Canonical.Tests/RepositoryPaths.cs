namespace Connectivity.Canonical.Tests;

/// <summary>Finds files of the repository from a running test.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SchemasFolder => Path.Combine(Root, "src", "Connectivity.Canonical", "Schemas");

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
