using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Fakes.Internal;

namespace Connectivity.Testing.Fakes;

/// <summary>
/// The outbox's writer of one destination into a <see cref="FakeSystem"/> (made by <see cref="FakeSystem.Writer"/>). The payload is
/// one record as JSON; the message id is the idempotency key, so a retry or replay of the same message is answered with the record
/// it wrote and writes nothing again. Every call is recorded in <see cref="Attempts"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Answers as an HTTP entity writer does: a write is <see cref="DeliveryResult.DeliveredAs"/> the record's remote id; a
/// payload that is not a JSON object (or not <see cref="FakeWriterOptions.PayloadType"/>) is a permanent failure with
/// <see cref="DeliveryErrorCodes.UndeserializablePayload"/>; the faults of <see cref="FakeSystem.Faults"/> answer with
/// <c>CNX6001</c> (transient failure, timeout), <c>CNX6002</c> (rate limit, with <see cref="DeliveryResult.RetryAfter"/>),
/// <c>CNX6004</c> (rejected record) and <c>CNX6003</c> (ambiguous outcome: applied, then reported as a permanent failure).</para>
/// </remarks>
public sealed class FakeDestinationWriter : IDestinationWriter
{
    internal FakeDestinationWriter(FakeSystem system, string destination, string entityType, FakeWriterOptions options)
    {
        System = system;
        Destination = destination;
        EntityType = entityType;
        Options = options;
    }

    /// <inheritdoc />
    public string Destination { get; }

    /// <summary>Gets the entity type the writer writes.</summary>
    public string EntityType { get; }

    /// <summary>Gets the system the writer writes into.</summary>
    public FakeSystem System { get; }

    /// <summary>Gets the calls of the writers of this destination, in order.</summary>
    public IReadOnlyList<FakeWriteAttempt> Attempts => [.. System.Attempts.Where(a => string.Equals(a.Destination, Destination, StringComparison.Ordinal))];

    internal FakeWriterOptions Options { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Guard.Against.Null(message);
        cancellationToken.ThrowIfCancellationRequested();

        var faults = System.Faults;
        var call = System.NextWriteCall();
        var at = System.TimeProvider.GetUtcNow();
        if (FakeFaults.Hits(faults.RateLimitEvery, call))
        {
            var retryAfter = faults.RateLimitRetryAfter;
            return System.Record(this, message, call, at, FakeFault.RateLimit,
                DeliveryResult.TransientFailure(Says($"rate limit on write call {call}; retry after {retryAfter}"), retryAfter, FakeConstants.RateLimited));
        }

        if (FakeFaults.Hits(faults.TimeoutEvery, call))
        {
            var timeout = faults.Timeout;
            await System.PassAsync(timeout, cancellationToken).ConfigureAwait(false);
            return System.Record(this, message, call, at, FakeFault.Timeout,
                DeliveryResult.TransientFailure(Says($"write call {call} timed out after {timeout}; nothing was written"), errorCode: FakeConstants.TransientFailure));
        }

        if (FakeFaults.Hits(faults.TransientFailureEvery, call))
        {
            return System.Record(this, message, call, at, FakeFault.TransientFailure,
                DeliveryResult.TransientFailure(Says($"transient failure on write call {call}; nothing was written"), errorCode: FakeConstants.TransientFailure));
        }

        if (!TryRead(message.Payload, out var data, out var problem))
        {
            return System.Record(this, message, call, at, FakeFault.None,
                DeliveryResult.PermanentFailure(Says(problem), DeliveryErrorCodes.UndeserializablePayload));
        }

        if (faults.RejectWhen is { } reject && reject((JsonObject)data.DeepClone()))
        {
            return System.Record(this, message, call, at, FakeFault.Rejected,
                DeliveryResult.PermanentFailure(Says($"{faults.RejectReason} (write call {call})"), FakeConstants.PermanentFailure));
        }

        return System.Apply(this, message, data, call, at, FakeFaults.Hits(faults.AmbiguousOutcomeEvery, call));
    }

    /// <summary>Gets the remote id of the record a message wrote, by its idempotency key.</summary>
    /// <param name="messageId">The outbox message id.</param>
    /// <returns>The remote id, or <see langword="null"/> when no call of the message was applied.</returns>
    public string? RemoteIdOf(Guid messageId) =>
        Attempts.LastOrDefault(a => a.MessageId == messageId && a.Applied)?.RemoteId;

    private bool TryRead(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out JsonObject? data, [NotNullWhen(false)] out string? problem)
    {
        data = null;
        try
        {
            if (Options.PayloadType is { } type && JsonSerializer.Deserialize(payload.Span, type) is null)
            {
                problem = $"the payload is null, not a {type.Type.Name}";
                return false;
            }

            data = JsonNode.Parse(payload.Span) as JsonObject;
        }
        catch (JsonException exception)
        {
            problem = $"the payload is not {(Options.PayloadType is { } type ? "a " + type.Type.Name : "a JSON object")}: {exception.Message}";
            return false;
        }

        problem = data is null ? "the payload is not a JSON object" : null;
        return data is not null;
    }

    private string Says(string what) => string.Create(CultureInfo.InvariantCulture, $"fake {System.Name}: {what}");
}
