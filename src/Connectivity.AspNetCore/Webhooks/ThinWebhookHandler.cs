using Ardalis.GuardClauses;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Webhooks;

namespace Connectivity.AspNetCore.Webhooks;

/// <summary>
/// Handles a thin webhook source, one whose deliveries name the records that changed but do not carry them: it reads the record
/// id(s) at an id path of the body, re-fetches each record through an <see cref="EntityReader{TEntity}"/> and hands the mapped
/// changes to <see cref="HandleAsync(VerifiedWebhook, IReadOnlyList{EntityChange{TEntity}}, CancellationToken)"/>.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>
/// <para>Failures reach the derived class as <see cref="EntityChangeKind.Failed"/> changes: a body that names no id
/// (<see cref="EntityErrorCodes.WebhookRecordIdMissing"/>) or more than the cap (<see cref="EntityErrorCodes.WebhookTooManyRecordIds"/>), a record the target no longer has (<see cref="EntityErrorCodes.RecordNotFound"/>),
/// a fetch that failed (its <c>HttpErrorCodes</c> code), a record that fails to map. Throw for a failure the sender should retry (a
/// transient fetch failure): the delivery is then not marked as seen.</para>
/// <para>The re-fetch runs while <see cref="VerifiedWebhook.Transaction"/> is open; with the SQLite stores it holds the write lock, so
/// keep the reader's resilience budget short.</para>
/// </remarks>
public abstract class ThinWebhookHandler<TEntity> : IWebhookHandler
    where TEntity : class
{
    /// <summary>Initializes a new handler.</summary>
    /// <param name="reader">The reader that fetches a record by id (<see cref="EntityReader{TEntity}.ReadByIdAsync"/>).</param>
    /// <param name="idPath">The path of the record id(s) in the body, such as <c>data.id</c> or <c>ids[*]</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="idPath"/> is empty, white space or not a valid id path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="idPath"/> is <see langword="null"/>.</exception>
    protected ThinWebhookHandler(EntityReader<TEntity> reader, string idPath)
        : this(reader, idPath, ThinWebhookReader<TEntity>.DefaultMaxIds)
    {
    }

    /// <summary>Initializes a new handler.</summary>
    /// <param name="reader">The reader that fetches a record by id (<see cref="EntityReader{TEntity}.ReadByIdAsync"/>).</param>
    /// <param name="idPath">The path of the record id(s) in the body, such as <c>data.id</c> or <c>ids[*]</c>.</param>
    /// <param name="maxIds">The most distinct record ids one delivery may name (<see cref="ThinWebhookReader{TEntity}.MaxIds"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="idPath"/> is empty, white space or not a valid id path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="idPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIds"/> is less than 1.</exception>
    protected ThinWebhookHandler(EntityReader<TEntity> reader, string idPath, int maxIds)
    {
        Reader = new ThinWebhookReader<TEntity>(reader, idPath, maxIds);
    }

    /// <summary>Gets the thin webhook reader.</summary>
    protected ThinWebhookReader<TEntity> Reader { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="webhook"/> is <see langword="null"/>.</exception>
    public async ValueTask HandleAsync(VerifiedWebhook webhook, CancellationToken cancellationToken)
    {
        Guard.Against.Null(webhook);
        var changes = await Reader.ReadAsync(webhook.Body, cancellationToken).ConfigureAwait(false);
        await HandleAsync(webhook, changes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles the re-fetched records of one delivery.</summary>
    /// <param name="webhook">The delivery.</param>
    /// <param name="changes">One change per record id the body names, in order, or one failed change when it names none or too many.</param>
    /// <param name="cancellationToken">Cancelled when the sender disconnects.</param>
    /// <returns>A task that completes when the delivery is handled.</returns>
    protected abstract ValueTask HandleAsync(VerifiedWebhook webhook, IReadOnlyList<EntityChange<TEntity>> changes, CancellationToken cancellationToken);
}
