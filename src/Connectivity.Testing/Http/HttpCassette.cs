using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Testing.Http.Internal;

namespace Connectivity.Testing.Http;

/// <summary>Recorded HTTP exchanges, in the order they happened, kept as a JSON file beside the tests.</summary>
public sealed class HttpCassette
{
    /// <summary>Gets or sets the exchanges, in order.</summary>
    public List<HttpInteraction> Interactions { get; set; } = [];

    /// <summary>Reads a cassette file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The cassette.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="JsonException">The file is not a cassette.</exception>
    public static HttpCassette Load(string path)
    {
        Guard.Against.NullOrWhiteSpace(path);
        return JsonSerializer.Deserialize(File.ReadAllBytes(path), CassetteJsonContext.Default.HttpCassette)
            ?? throw new JsonException($"{path} holds no cassette.");
    }

    /// <summary>Writes the cassette to a file (indented, stable order), creating its folder.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    public void Save(string path)
    {
        Guard.Against.NullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, CassetteJsonContext.Default.HttpCassette));
    }
}
