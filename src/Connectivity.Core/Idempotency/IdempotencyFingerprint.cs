using System.Security.Cryptography;

namespace Connectivity.Idempotency;

/// <summary>Computes request fingerprints for <see cref="IIdempotencyStore"/>.</summary>
public static class IdempotencyFingerprint
{
    /// <summary>Returns the lower-case hexadecimal SHA-256 of <paramref name="request"/>.</summary>
    /// <param name="request">The request bytes (for example the canonical JSON of the request).</param>
    /// <returns>The fingerprint.</returns>
    public static string Compute(ReadOnlySpan<byte> request)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(request, hash);
        return Convert.ToHexStringLower(hash);
    }
}
