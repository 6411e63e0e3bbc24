using Connectivity.Canonical;
using Connectivity.Mapping;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>Finds and loads the example map documents in docs/examples.</summary>
internal static class MapFiles
{
    public static CompiledMap Load(string name)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "examples", name);
        var result = MapDocumentLoader.LoadFile(path, new MapCompilerOptions().AddCanonicalTargets());
        return result.Succeeded
            ? result.Map!
            : throw new InvalidOperationException($"{path} does not load: {string.Join("; ", result.Errors)}");
    }

    /// <summary>The folder holding Connectivity.sln, searched up from the binaries (BenchmarkDotNet runs a copy under bin/) and the working folder.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Connectivity.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Connectivity.sln not found above " + AppContext.BaseDirectory);
    }
}
