using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Connectivity.Connectors.Webhooks.Internal;

/// <summary>The steps the built-in schemes share: header presence, timestamps, HMAC matching.</summary>
internal static class WebhookChecks
{
    // The largest number of seconds a DateTimeOffset can hold (9999-12-31T23:59:59Z).
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Gets a header that must be present and not blank.</summary>
    public static string? GetRequiredHeader(WebhookDelivery delivery, string name) =>
        delivery.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static WebhookVerificationResult MissingHeaders(params string?[] missing) =>
        WebhookVerificationResult.Failed(
            WebhookFailureKind.MissingHeader,
            missing.Count(static m => m is not null) == 1
                ? $"The required header {missing.First(static m => m is not null)} is missing or empty."
                : $"The required headers {string.Join(", ", missing.Where(static m => m is not null))} are missing or empty.");

    /// <summary>Parses whole seconds since the Unix epoch: digits only, no sign, no spaces, within the range of <see cref="DateTimeOffset"/>.</summary>
    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxUnixSeconds)
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        timestamp = default;
        return false;
    }

    /// <summary>Refuses a signed timestamp further from now than the tolerance, either way; returns <see langword="null"/> when it is within.</summary>
    public static WebhookVerificationResult? CheckTolerance(DateTimeOffset timestamp, TimeProvider timeProvider, TimeSpan tolerance)
    {
        var age = timeProvider.GetUtcNow() - timestamp;
        if (age > tolerance)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.TimestampTooOld,
                string.Create(CultureInfo.InvariantCulture, $"The signed timestamp is {(long)age.TotalSeconds} s old; the tolerance is {(long)tolerance.TotalSeconds} s."));
        }

        if (-age > tolerance)
        {
            return WebhookVerificationResult.Failed(
                WebhookFailureKind.TimestampTooNew,
                string.Create(CultureInfo.InvariantCulture, $"The signed timestamp is {(long)(-age).TotalSeconds} s in the future; the tolerance is {(long)tolerance.TotalSeconds} s."));
        }

        return null;
    }

    /// <summary>
    /// Computes HMAC-SHA256 of <c>prefix + body</c> under each key and compares it in constant time with
    /// each candidate signature; true when any pair matches.
    /// </summary>
    public static bool AnyMatches(byte[][] keys, string prefix, ReadOnlySpan<byte> body, List<byte[]> candidates)
    {
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> content = body;
            if (prefix.Length > 0)
            {
                rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(prefix.Length) + body.Length);
                var written = Encoding.UTF8.GetBytes(prefix, rented);
                body.CopyTo(rented.AsSpan(written));
                content = rented.AsSpan(0, written + body.Length);
            }

            Span<byte> expected = stackalloc byte[WebhookConstants.Sha256Length];
            var matched = false;
            foreach (var key in keys)
            {
                HMACSHA256.HashData(key, content, expected);
                foreach (var candidate in candidates)
                {
                    // Keep going after a match so the time taken does not depend on which pair matched.
                    matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
                }
            }

            CryptographicOperations.ZeroMemory(expected);
            return matched;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Decodes a 64-character hexadecimal SHA-256 signature.</summary>
    public static byte[]? TryDecodeHex(ReadOnlySpan<char> hex)
    {
        var bytes = new byte[WebhookConstants.Sha256Length];
        return hex.Length == 2 * WebhookConstants.Sha256Length
            && Convert.FromHexString(hex, bytes, out _, out var written) == OperationStatus.Done
            && written == bytes.Length
            ? bytes
            : null;
    }

    /// <summary>Decodes a base64 SHA-256 signature.</summary>
    public static byte[]? TryDecodeBase64(ReadOnlySpan<char> base64)
    {
        Span<byte> buffer = stackalloc byte[48];
        return Convert.TryFromBase64Chars(base64, buffer, out var written) && written == WebhookConstants.Sha256Length
            ? buffer[..written].ToArray()
            : null;
    }
}
