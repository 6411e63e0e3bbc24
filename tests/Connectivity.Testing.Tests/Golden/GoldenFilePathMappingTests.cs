using Connectivity.Testing.Golden;

namespace Connectivity.Testing.Tests.Golden;

public sealed class GoldenFilePathMappingTests
{
    [Fact]
    public void VerifyText_PathMappedCallerFile_FindsTheSourceFolderFromTheOutputFolder()
    {
        // A deterministic CI build reports this file as /_/tests/Connectivity.Testing.Tests/Golden/...
        var mapped = "/_/tests/Connectivity.Testing.Tests/Golden/GoldenFilePathMappingTests.cs";

        var ex = Assert.Throws<GoldenFileMismatchException>(() => GoldenFile.VerifyText("x", "missing.golden.txt", mapped));

        Assert.EndsWith(Path.Combine("tests", "Connectivity.Testing.Tests", "Golden", "missing.golden.txt"), ex.GoldenPath, StringComparison.Ordinal);
        Assert.True(File.Exists(ex.ReceivedPath));
        File.Delete(ex.ReceivedPath);
    }
}
