using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Testing.Golden.Internal;

namespace Connectivity.Testing.Golden;

/// <summary>
/// Golden-file checks: output is compared with a checked-in file. On a mismatch the check throws
/// <see cref="GoldenFileMismatchException"/> with a line diff and writes <c>name.received.json</c> beside
/// <c>name.golden.json</c>; accepting the change is renaming one to the other. A missing golden file is a
/// mismatch too (the received file is the first draft). Relative paths are resolved against the folder of the
/// calling test's source file, so golden files live in the test project, not in bin.
/// </summary>
public static class GoldenFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Checks JSON against a golden file; both are compared in one canonical layout (two-space indent, LF, UTF-8).</summary>
    /// <param name="json">The JSON produced.</param>
    /// <param name="goldenPath">The golden file, absolute or relative to the calling source file's folder.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="GoldenFileMismatchException">The JSON differs from the golden file, or there is none yet.</exception>
    public static void VerifyJson(string json, string goldenPath, [CallerFilePath] string callerFilePath = "")
    {
        Guard.Against.Null(json);
        VerifyText(Normalize(json), goldenPath, callerFilePath);
    }

    /// <summary>Checks text against a golden file, line endings folded to LF.</summary>
    /// <param name="text">The text produced.</param>
    /// <param name="goldenPath">The golden file, absolute or relative to the calling source file's folder.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="GoldenFileMismatchException">The text differs from the golden file, or there is none yet.</exception>
    public static void VerifyText(string text, string goldenPath, [CallerFilePath] string callerFilePath = "")
    {
        Guard.Against.Null(text);
        Guard.Against.NullOrWhiteSpace(goldenPath);
        var golden = Resolve(goldenPath, callerFilePath);
        var received = ReceivedPathOf(golden);
        text = text.ReplaceLineEndings("\n");
        var expected = File.Exists(golden) ? File.ReadAllText(golden).ReplaceLineEndings("\n") : null;
        if (expected == text)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, text);
        var reason = expected is null
            ? $"There is no golden file {golden} yet. The output was written to {received}; review it and rename it to accept it."
            : $"The output differs from {golden}. It was written to {received}; rename it to accept the change.\n{LineDiff.Describe(expected, text)}";
        throw new GoldenFileMismatchException(reason, golden, received);
    }

    /// <summary>Gets where the received output of a golden file goes: <c>x.golden.json</c> gives <c>x.received.json</c>.</summary>
    /// <param name="goldenPath">The golden file.</param>
    /// <returns>The received file's path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goldenPath"/> is <see langword="null"/>.</exception>
    public static string ReceivedPathOf(string goldenPath)
    {
        Guard.Against.Null(goldenPath);
        return goldenPath.Contains(".golden.", StringComparison.Ordinal)
            ? goldenPath.Replace(".golden.", ".received.", StringComparison.Ordinal)
            : Path.ChangeExtension(goldenPath, ".received" + Path.GetExtension(goldenPath));
    }

    internal static string Resolve(string path, string callerFilePath)
        => Path.IsPathRooted(path) || string.IsNullOrEmpty(callerFilePath)
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(SourceFolder(callerFilePath), path));

    /// <summary>
    /// The folder of the calling source file. A deterministic CI build maps source paths (<c>/_/tests/...</c>);
    /// then the folder is found by walking up from the test's output folder to where that relative path exists.
    /// </summary>
    private static string SourceFolder(string callerFilePath)
    {
        var folder = Path.GetDirectoryName(callerFilePath)!;
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var relative = folder.Replace('\\', '/').TrimStart('/');
        var mapped = relative.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? relative[(slash + 1)..] : relative;
        for (var root = new DirectoryInfo(AppContext.BaseDirectory); root is not null; root = root.Parent)
        {
            var candidate = Path.Combine(root.FullName, mapped);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return folder;
    }

    internal static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
