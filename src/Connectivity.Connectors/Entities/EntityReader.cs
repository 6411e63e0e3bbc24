using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Entities.Internal;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Connectors.Incremental;
using Connectivity.Mapping;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// Reads one entity type from a target, page by page, and maps each record through an inbound map. A derived class says where the
/// changes are (<see cref="GetChangesUri"/>) and how they are paged (<see cref="Paging"/>); it may recognise tombstones
/// (<see cref="IsDeletion"/>). Thread-safe when the derived class is; one reader may serve many reads at once.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>
/// Every record becomes one <see cref="EntityChange{TEntity}"/>: a record that fails to map (or names no remote id) is yielded as a
/// <see cref="EntityChangeKind.Failed"/> value with its errors, and the read goes on. A page request that fails after the connector's
/// resilience profile did what it may throws <see cref="ConnectorCallException"/>: the read is safe to start again from its checkpoint.
/// </remarks>
public abstract class EntityReader<TEntity>
    where TEntity : class
{
    /// <summary>Initializes a new reader.</summary>
    /// <param name="client">The connector's client.</param>
    /// <param name="inboundMap">The map from the target's record to the entity.</param>
    /// <param name="typeInfo">The entity's serialization metadata.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    protected EntityReader(ConnectorClient client, CompiledMap inboundMap, JsonTypeInfo<TEntity> typeInfo)
    {
        Client = Guard.Against.Null(client);
        InboundMap = Guard.Against.Null(inboundMap);
        TypeInfo = Guard.Against.Null(typeInfo);
    }

    /// <summary>Gets the connector's client.</summary>
    public ConnectorClient Client { get; }

    /// <summary>Gets the inbound map.</summary>
    public CompiledMap InboundMap { get; }

    /// <summary>Gets the entity's serialization metadata.</summary>
    public JsonTypeInfo<TEntity> TypeInfo { get; }

    /// <summary>Gets how the target pages its records.</summary>
    protected abstract PagingStrategy Paging { get; }

    /// <summary>Gets the path of the record's id in the target (the remote id); it should match the <see cref="IncrementalReadOptions.IdPath"/> of the checkpoint.</summary>
    /// <value>The default value is <c>id</c>.</value>
    protected virtual string RemoteIdPath => "id";

    /// <summary>Reads the changes since the checkpoint kept by <paramref name="checkpoint"/>, one batch per page.</summary>
    /// <param name="checkpoint">The incremental reader that keeps this stream's position (its store and key).</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The batches; commit each with <see cref="EntityChangeBatch{TEntity}.CommitAsync"/> together with its work.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConnectorCallException">A page request failed; start the read again later.</exception>
    public async IAsyncEnumerable<EntityChangeBatch<TEntity>> ReadChangesAsync(
        IncrementalReader checkpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(checkpoint);
        var batches = checkpoint.ReadAsync(since => Client.ReadPagesAsync(GetChangesUri(since), Paging, ConfigureRequest, cancellationToken), cancellationToken);
        await foreach (var batch in batches.ConfigureAwait(false))
        {
            yield return new EntityChangeBatch<TEntity>(MapRecords(batch.Records), batch.Page, checkpoint, batch);
        }
    }

    /// <summary>Reads every record from the start, with no checkpoint: a full walk (a first load, or the mark of a mark-and-sweep).</summary>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The batches; their <see cref="EntityChangeBatch{TEntity}.Checkpoint"/> is <see langword="null"/>.</returns>
    /// <exception cref="ConnectorCallException">A page request failed; start the walk again later.</exception>
    public async IAsyncEnumerable<EntityChangeBatch<TEntity>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in Client.ReadPagesAsync(GetFullWalkUri(), Paging, ConfigureRequest, cancellationToken).ConfigureAwait(false))
        {
            yield return new EntityChangeBatch<TEntity>(MapRecords(page.Records), page, null, null);
        }
    }

    /// <summary>
    /// Walks every record and collects the remote ids seen (records that fail to map included, tombstones excluded), for a
    /// mark-and-sweep with <see cref="EntityWalk.FindGone"/>.
    /// </summary>
    /// <param name="cancellationToken">A token to cancel the walk.</param>
    /// <returns>The walk.</returns>
    /// <exception cref="ConnectorCallException">A page request failed; start the walk again later.</exception>
    public async ValueTask<EntityWalk> WalkRemoteIdsAsync(CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        var pages = 0;
        await foreach (var page in Client.ReadPagesAsync(GetFullWalkUri(), Paging, ConfigureRequest, cancellationToken).ConfigureAwait(false))
        {
            pages++;
            complete &= !page.HasMore;
            foreach (var record in page.Records)
            {
                if (!IsDeletion(record.Span) && RemoteIds.Read(record.Span, RemoteIdPath) is { } id)
                {
                    seen.Add(id);
                }
            }
        }

        return new EntityWalk(seen, complete, pages);
    }

    /// <summary>
    /// Fetches one record by its remote id (<see cref="GetRecordUri"/>) and maps it like a record of a page: the re-fetch behind a thin
    /// webhook, which names a record but does not carry it.
    /// </summary>
    /// <param name="remoteId">The record's id in the target.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>
    /// The change. Every expected failure is a <see cref="EntityChangeKind.Failed"/> value naming <paramref name="remoteId"/>: a record
    /// the target does not have (404) with <see cref="EntityErrorCodes.RecordNotFound"/>, a call that failed with its
    /// <see cref="HttpErrorCodes"/> code (<see cref="HttpErrorCodes.TransientFailure"/> and <see cref="HttpErrorCodes.RateLimited"/> may
    /// pass on a retry), a record that fails to map with its map errors.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="remoteId"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The derived class does not override <see cref="GetRecordUri"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<EntityChange<TEntity>> ReadByIdAsync(string remoteId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(remoteId);
        using var request = new HttpRequestMessage(HttpMethod.Get, GetRecordUri(remoteId));
        ConfigureRequest(request);
        using var result = await Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.StatusCode == HttpStatusCode.NotFound)
        {
            return Failed(remoteId, EntityErrorCodes.RecordNotFound, $"the target has no record '{remoteId}' (404).");
        }

        if (!result.IsSuccess || result.Response is null)
        {
            return Failed(remoteId, result.ErrorCode ?? HttpErrorCodes.PermanentFailure, result.Reason ?? $"GET: the target answered {(int?)result.StatusCode}.");
        }

        ReadOnlyMemory<byte> record = await result.Response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return MapRecord(record);
    }

    /// <summary>Gets the URI of one record by its remote id, for <see cref="ReadByIdAsync"/>; relative URIs resolve against the connector's base address.</summary>
    /// <param name="remoteId">The record's id in the target; escape it into the URI.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="NotSupportedException">The derived class does not override it: it reads no single records.</exception>
    protected virtual Uri GetRecordUri(string remoteId) =>
        throw new NotSupportedException($"{GetType().Name} does not override {nameof(GetRecordUri)}, so it cannot read a record by id.");

    /// <summary>Gets the URI of the first page of changes at or after a cursor value; relative URIs resolve against the connector's base address.</summary>
    /// <param name="since">The cursor value to read from (inclusive), already moved back by any lookback; <see langword="null"/> to read from the start.</param>
    /// <returns>The URI.</returns>
    protected abstract Uri GetChangesUri(string? since);

    /// <summary>Gets the URI of the first page of a full walk.</summary>
    /// <returns>The URI; by default <see cref="GetChangesUri"/> from the start.</returns>
    protected virtual Uri GetFullWalkUri() => GetChangesUri(null);

    /// <summary>Sets headers or options (a tenant) on each page request.</summary>
    /// <param name="request">The request.</param>
    protected virtual void ConfigureRequest(HttpRequestMessage request)
    {
    }

    /// <summary>Tells whether a record is a tombstone (a deletion the target reports, such as <c>"isDeleted": true</c>).</summary>
    /// <param name="record">The raw record, UTF-8 JSON.</param>
    /// <returns><see langword="true"/> to yield the record as <see cref="EntityChangeKind.Deleted"/>; by default <see langword="false"/>.</returns>
    protected virtual bool IsDeletion(ReadOnlySpan<byte> record) => false;

    /// <summary>Turns one record into a change: a tombstone, a mapped upsert, or a failure with its errors.</summary>
    /// <param name="record">The raw record.</param>
    /// <returns>The change.</returns>
    protected virtual EntityChange<TEntity> MapRecord(ReadOnlyMemory<byte> record)
    {
        var span = record.Span;
        var remoteId = RemoteIds.Read(span, RemoteIdPath);
        if (remoteId is null)
        {
            return EntityChange.Failed<TEntity>(null, [new MapError(EntityErrorCodes.MissingRemoteId, string.Empty, RemoteIdPath, $"the record has no remote id at '{RemoteIdPath}'.")], record);
        }

        if (IsDeletion(span))
        {
            return EntityChange.Deleted<TEntity>(remoteId, record);
        }

        var mapped = InboundMap.MapToEntity(span, TypeInfo);
        return mapped.Succeeded
            ? EntityChange.Upserted(remoteId, mapped.Value!, record)
            : EntityChange.Failed<TEntity>(remoteId, mapped.Errors, record);
    }

    private static EntityChange<TEntity> Failed(string remoteId, string code, string message) =>
        EntityChange.Failed<TEntity>(remoteId, [new MapError(code, string.Empty, null, message)], default);

    private EntityChange<TEntity>[] MapRecords(IReadOnlyList<ReadOnlyMemory<byte>> records)
    {
        var changes = new EntityChange<TEntity>[records.Count];
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] = MapRecord(records[i]);
        }

        return changes;
    }
}
