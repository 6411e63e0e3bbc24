using System.Globalization;
using Ardalis.GuardClauses;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// The outcome of verifying a webhook delivery: verified, with the webhook id and timestamp the
/// sender signed (when the scheme carries them), or refused, with the kind of failure and a message.
/// </summary>
/// <remarks>
/// A class rather than a struct on purpose: a default value of a struct would read as an
/// uninitialized outcome, and a verification result must never be verified by accident.
/// Messages never contain a secret, an expected signature or a header value as received.
/// </remarks>
public sealed class WebhookVerificationResult
{
    private WebhookVerificationResult(WebhookFailureKind failureKind, string? message, string? webhookId, DateTimeOffset? timestamp)
    {
        FailureKind = failureKind;
        Message = message;
        WebhookId = webhookId;
        Timestamp = timestamp;
    }

    /// <summary>Gets whether the delivery was verified.</summary>
    public bool IsVerified => FailureKind == WebhookFailureKind.None;

    /// <summary>Gets why the delivery was refused; <see cref="WebhookFailureKind.None"/> when it was verified.</summary>
    public WebhookFailureKind FailureKind { get; }

    /// <summary>Gets the stable code of the failure (<see cref="WebhookErrorCodes"/>); <see langword="null"/> when the delivery was verified.</summary>
    public string? ErrorCode => WebhookErrorCodes.For(FailureKind);

    /// <summary>Gets a sentence saying why the delivery was refused; <see langword="null"/> when it was verified.</summary>
    public string? Message { get; }

    /// <summary>
    /// Gets the webhook id the sender signed or sent with a verified delivery (the key for duplicate
    /// detection), or <see langword="null"/> when refused or when the scheme carries no id.
    /// </summary>
    public string? WebhookId { get; }

    /// <summary>
    /// Gets the timestamp the sender signed, for a verified delivery of a scheme that signs one;
    /// otherwise <see langword="null"/>.
    /// </summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>Creates the result of a verified delivery.</summary>
    /// <param name="webhookId">The webhook id, or <see langword="null"/> when the scheme carries none.</param>
    /// <param name="timestamp">The signed timestamp, or <see langword="null"/> when the scheme signs none.</param>
    /// <returns>A verified result.</returns>
    public static WebhookVerificationResult Verified(string? webhookId, DateTimeOffset? timestamp) => new(WebhookFailureKind.None, null, webhookId, timestamp);

    /// <summary>Creates the result of a refused delivery.</summary>
    /// <param name="failureKind">Why the delivery was refused.</param>
    /// <param name="message">A sentence saying why; it must not contain a secret or an expected signature.</param>
    /// <returns>A refused result.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="failureKind"/> is <see cref="WebhookFailureKind.None"/> or not defined, or
    /// <paramref name="message"/> is null, empty or white space.
    /// </exception>
    public static WebhookVerificationResult Failed(WebhookFailureKind failureKind, string message)
    {
        Guard.Against.EnumOutOfRange(failureKind);
        Guard.Against.InvalidInput(failureKind, nameof(failureKind), static k => k != WebhookFailureKind.None, "A refused delivery needs a failure kind other than None.");
        Guard.Against.NullOrWhiteSpace(message);
        return new(failureKind, message, null, null);
    }

    /// <inheritdoc />
    public override string ToString() => IsVerified
        ? string.Create(CultureInfo.InvariantCulture, $"Verified (id: {WebhookId ?? "none"}, timestamp: {(Timestamp is { } t ? t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "none")})")
        : $"{ErrorCode} {FailureKind}: {Message}";
}
