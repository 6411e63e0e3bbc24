using Ardalis.GuardClauses;
using Connectivity.Connectors.Webhooks;
using Connectivity.Delivery;

namespace Connectivity.AspNetCore.Webhooks;

/// <summary>
/// A delivery that passed the size limit, the signature, the timestamp tolerance and the UTF-8
/// check, and that the inbox has not seen before: what an <see cref="IWebhookHandler"/> receives.
/// </summary>
public sealed class VerifiedWebhook
{
    /// <summary>Initializes a new instance of the <see cref="VerifiedWebhook"/> class.</summary>
    /// <param name="source">The webhook source the delivery came from, as registered.</param>
    /// <param name="webhookId">The webhook id the sender signed.</param>
    /// <param name="timestamp">The timestamp the sender signed, or <see langword="null"/> when the scheme signs none.</param>
    /// <param name="body">The raw body, valid UTF-8.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="transaction">The store transaction the inbox mark is enlisted in.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="webhookId"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="transaction"/> is <see langword="null"/>.</exception>
    public VerifiedWebhook(string source, string webhookId, DateTimeOffset? timestamp, ReadOnlyMemory<byte> body, IWebhookHeaders headers, IStoreTransaction transaction)
    {
        Source = Guard.Against.NullOrWhiteSpace(source);
        WebhookId = Guard.Against.NullOrWhiteSpace(webhookId);
        Timestamp = timestamp;
        Body = body;
        Headers = Guard.Against.Null(headers);
        Transaction = Guard.Against.Null(transaction);
    }

    /// <summary>Gets the webhook source the delivery came from, as registered.</summary>
    public string Source { get; }

    /// <summary>Gets the webhook id the sender signed; the same on every retry of the delivery.</summary>
    public string WebhookId { get; }

    /// <summary>Gets the timestamp the sender signed, or <see langword="null"/> when the scheme signs none.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>Gets the raw body exactly as received; verified to be valid UTF-8. Valid until the handler returns.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request headers; names match case-insensitively.</summary>
    public IWebhookHeaders Headers { get; }

    /// <summary>
    /// Gets the store transaction the inbox mark of this delivery is enlisted in. It commits when the
    /// handler returns and rolls back when it throws: enlist the handler's own store writes (an outbox
    /// message, a checkpoint) in it so they commit together with the mark, exactly once.
    /// </summary>
    /// <remarks>
    /// Do not commit or dispose it; the endpoint does. With the SQLite stores it holds the database's
    /// write lock while the handler runs, so keep slow calls (re-fetching a thin webhook's record) short
    /// or move them behind the outbox.
    /// </remarks>
    public IStoreTransaction Transaction { get; }
}
