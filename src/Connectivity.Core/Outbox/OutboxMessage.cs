using System.Collections.Frozen;
using System.Diagnostics;
using Ardalis.GuardClauses;

namespace Connectivity.Outbox;

/// <summary>
/// A message waiting in the outbox for delivery to one destination. Immutable and safe to share across threads.
/// </summary>
/// <remarks>
/// When the message is created inside an <see cref="Activity"/> and the caller gave no <c>traceparent</c> header,
/// the current W3C trace context is added to <see cref="Headers"/> so the delivery joins the trace that caused it.
/// </remarks>
public sealed class OutboxMessage
{
    /// <summary>The header that carries the W3C trace parent.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>The header that carries the W3C trace state.</summary>
    public const string TraceStateHeader = "tracestate";

    private static readonly FrozenDictionary<string, string> NoHeaders = FrozenDictionary<string, string>.Empty;

    /// <summary>Initializes a new message.</summary>
    /// <param name="id">The message id; stays the same across retries and replays, so targets can de-duplicate on it.</param>
    /// <param name="destination">The name of the destination writer that delivers the message.</param>
    /// <param name="payload">The payload bytes (usually UTF-8 JSON).</param>
    /// <param name="entityKey">The key that orders messages: at most one message per key is in flight, in enqueue order; <see langword="null"/> for no ordering.</param>
    /// <param name="headers">Headers carried to the writer; the W3C trace context is added when missing.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public OutboxMessage(Guid id, string destination, ReadOnlyMemory<byte> payload, string? entityKey = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        Guard.Against.Default(id);
        Guard.Against.NullOrWhiteSpace(destination);

        Id = id;
        Destination = destination;
        Payload = payload;
        EntityKey = entityKey;
        Headers = WithTraceContext(headers);
    }

    private OutboxMessage(Guid id, string destination, ReadOnlyMemory<byte> payload, string? entityKey, IReadOnlyDictionary<string, string> headers, bool restored)
    {
        Debug.Assert(restored, "Only stores restore messages.");
        Id = id;
        Destination = destination;
        Payload = payload;
        EntityKey = entityKey;
        Headers = headers;
    }

    /// <summary>Gets the message id.</summary>
    public Guid Id { get; }

    /// <summary>Gets the destination name.</summary>
    public string Destination { get; }

    /// <summary>Gets the ordering key, or <see langword="null"/> when the message is not ordered.</summary>
    public string? EntityKey { get; }

    /// <summary>Gets the payload bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Gets the headers, the W3C trace context among them.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets how many delivery attempts have been started, this one included when the message was claimed.</summary>
    /// <value>Set by the store; ignored on enqueue.</value>
    public int AttemptCount { get; init; }

    /// <summary>Gets the earliest time the message may be delivered.</summary>
    /// <value>Honoured on enqueue (a delayed message); set by the store on a retry. <see langword="null"/> means at once.</value>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Gets when the message was enqueued.</summary>
    /// <value>Set by the store from its <see cref="TimeProvider"/>; ignored on enqueue.</value>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets why the last attempt failed, or <see langword="null"/>.</summary>
    /// <value>Set by the store; ignored on enqueue.</value>
    public string? LastError { get; init; }

    /// <summary>Rebuilds a stored message as it was enqueued, without adding the current trace context.</summary>
    internal static OutboxMessage Restore(Guid id, string destination, ReadOnlyMemory<byte> payload, string? entityKey, IReadOnlyDictionary<string, string>? headers, int attemptCount, DateTimeOffset? notBefore, DateTimeOffset createdAt, string? lastError) =>
        new(id, destination, payload, entityKey, headers is null || headers.Count == 0 ? NoHeaders : headers, restored: true)
        {
            AttemptCount = attemptCount,
            NotBefore = notBefore,
            CreatedAt = createdAt,
            LastError = lastError,
        };

    private static FrozenDictionary<string, string> WithTraceContext(IReadOnlyDictionary<string, string>? headers)
    {
        var activity = Activity.Current;
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || (headers?.ContainsKey(TraceParentHeader) ?? false))
        {
            return headers is null || headers.Count == 0 ? NoHeaders : headers.ToFrozenDictionary(StringComparer.Ordinal);
        }

        var copy = headers is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(headers, StringComparer.Ordinal);
        copy[TraceParentHeader] = activity.Id!;
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            copy[TraceStateHeader] = activity.TraceStateString;
        }

        return copy.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
