using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Http.Authentication;

/// <summary>An access token and when it expires. <see cref="object.ToString"/> never shows the token.</summary>
public readonly struct AccessToken : IEquatable<AccessToken>
{
    /// <summary>Initializes a new token.</summary>
    /// <param name="value">The token.</param>
    /// <param name="expiresAt">When it expires, or <see langword="null"/> when it does not say.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public AccessToken(string value, DateTimeOffset? expiresAt)
    {
        Value = Guard.Against.NullOrWhiteSpace(value);
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the token. Never log it.</summary>
    public string Value { get; }

    /// <summary>Gets when the token expires, or <see langword="null"/> when unknown.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(AccessToken left, AccessToken right) => left.Equals(right);

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AccessToken left, AccessToken right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AccessToken other) => string.Equals(Value, other.Value, StringComparison.Ordinal) && ExpiresAt == other.ExpiresAt;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AccessToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value), ExpiresAt);

    /// <summary>Describes the token without showing it.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => ExpiresAt is { } at ? $"AccessToken(***, expires {at:O})" : "AccessToken(***)";
}
