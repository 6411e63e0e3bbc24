using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>
/// Golden-file checks: the output is compared with a checked-in <c>.golden.json</c>; on a mismatch the test
/// fails with both texts and writes <c>.received.json</c> beside the golden file. Accepting is a rename.
/// </summary>
internal static class Approvals
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void VerifyJson(string json, string goldenPath)
    {
        var received = JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var receivedPath = goldenPath.Replace(".golden.json", ".received.json", StringComparison.Ordinal);
        var golden = File.Exists(goldenPath) ? File.ReadAllText(goldenPath).ReplaceLineEndings("\n") : null;
        if (golden == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"The output differs from {goldenPath}; it was written to {receivedPath} (rename it to accept).\n--- golden\n{golden}\n--- received\n{received}");
    }
}
