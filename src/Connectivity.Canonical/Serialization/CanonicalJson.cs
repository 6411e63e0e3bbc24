using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;

namespace Connectivity.Canonical.Serialization;

/// <summary>
/// Reads and writes canonical entities as JSON with source-generated metadata: camelCase names,
/// enums as camelCase strings, nulls left out, numbers strict, no reflection.
/// </summary>
public static class CanonicalJson
{
    /// <summary>
    /// Gets the source-generated metadata for every canonical type, to combine with a host's own
    /// (<see cref="JsonTypeInfoResolver.Combine(IJsonTypeInfoResolver?[])"/>).
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => CanonicalJsonContext.Default;

    /// <summary>Gets the serializer options the canonical JSON is written with. Read-only.</summary>
    public static JsonSerializerOptions Options => CanonicalJsonContext.Default.Options;

    /// <summary>Gets the source-generated metadata of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A canonical entity or value type.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>()
        => CanonicalJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T)} is not a canonical type.");

    /// <summary>Writes <paramref name="value"/> as canonical JSON (UTF-8).</summary>
    /// <typeparam name="T">A canonical entity or value type.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T value)
        where T : class
        => JsonSerializer.SerializeToUtf8Bytes(Guard.Against.Null(value), GetTypeInfo<T>());

    /// <summary>Writes <paramref name="value"/> as canonical JSON text.</summary>
    /// <typeparam name="T">A canonical entity or value type.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Serialize<T>(T value)
        where T : class
        => JsonSerializer.Serialize(Guard.Against.Null(value), GetTypeInfo<T>());

    /// <summary>Reads canonical JSON as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A canonical entity or value type.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not fit <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : class
        => JsonSerializer.Deserialize(utf8Json, GetTypeInfo<T>())
            ?? throw new JsonException($"The JSON is null, not a {typeof(T).Name}.");

    /// <summary>Reads canonical JSON text as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A canonical entity or value type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is malformed or does not fit <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json)
        where T : class
        => JsonSerializer.Deserialize(Guard.Against.Null(json), GetTypeInfo<T>())
            ?? throw new JsonException($"The JSON is null, not a {typeof(T).Name}.");
}
