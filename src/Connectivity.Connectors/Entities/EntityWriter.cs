using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Entities.Internal;
using Connectivity.Connectors.Http;
using Connectivity.Mapping;

namespace Connectivity.Connectors.Entities;

/// <summary>
/// Writes one entity type to a target: maps the entity through an outbound map and upserts it under the idempotency strategy the
/// derived class declares (<see cref="Strategy"/>), which this base enforces. A derived class only builds requests:
/// <see cref="CreateUpsertRequest"/>, or <see cref="CreateCreateRequest"/> with <see cref="CreateUpdateRequest"/> and, for
/// <see cref="IdempotencyStrategy.ReadBeforeCreate"/>, <see cref="CreateLookupRequest"/>. Thread-safe when the derived class is.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>
/// <para>No create is ever retried blindly. Per strategy:</para>
/// <list type="bullet">
/// <item><term><see cref="IdempotencyStrategy.UpsertByExternalKey"/></term><description>every write is the derived class's upsert
/// request, marked retry-safe so the connector's pipeline may repeat it; a 201 is <see cref="EntityWriteOutcome.Created"/>, any other
/// success <see cref="EntityWriteOutcome.Updated"/>.</description></item>
/// <item><term><see cref="IdempotencyStrategy.IdempotencyKeyHeader"/></term><description>every request carries the key in
/// <see cref="ConnectorOptions.IdempotencyKeyHeader"/>, so the pipeline may repeat it and the target de-duplicates.</description></item>
/// <item><term><see cref="IdempotencyStrategy.ReadBeforeCreate"/></term><description>every create attempt is preceded by a lookup by
/// external id; a record found is updated (or, with no update request, reported as <see cref="EntityWriteOutcome.Existed"/>). A create
/// whose outcome is unknown is followed by another lookup: found is <see cref="EntityWriteOutcome.Created"/>, not found is a transient
/// failure (<see cref="EntityErrorCodes.NotFoundAfterAmbiguousCreate"/>, and the next attempt looks up again before it creates), a
/// failed lookup is <see cref="EntityWriteOutcome.Ambiguous"/>.</description></item>
/// <item><term><see cref="IdempotencyStrategy.None"/></term><description>a create is sent once; an unknown outcome is
/// <see cref="EntityWriteOutcome.Ambiguous"/>.</description></item>
/// </list>
/// <para>An update of a record whose remote id is known (<see cref="GetKnownRemoteId"/>, or found by a lookup) is marked retry-safe:
/// <see cref="CreateUpdateRequest"/> must build a request the target applies idempotently (it sets fields, it does not add to them).</para>
/// </remarks>
public abstract class EntityWriter<TEntity>
    where TEntity : class
{
    /// <summary>Initializes a new writer.</summary>
    /// <param name="client">The connector's client.</param>
    /// <param name="outboundMap">The map from the entity to the target's payload.</param>
    /// <param name="typeInfo">The entity's serialization metadata.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    protected EntityWriter(ConnectorClient client, CompiledMap outboundMap, JsonTypeInfo<TEntity> typeInfo)
    {
        Client = Guard.Against.Null(client);
        OutboundMap = Guard.Against.Null(outboundMap);
        TypeInfo = Guard.Against.Null(typeInfo);
    }

    /// <summary>Gets the connector's client.</summary>
    public ConnectorClient Client { get; }

    /// <summary>Gets the outbound map.</summary>
    public CompiledMap OutboundMap { get; }

    /// <summary>Gets the entity's serialization metadata.</summary>
    public JsonTypeInfo<TEntity> TypeInfo { get; }

    /// <summary>Gets how this writer keeps a repeated write from creating a second record; the base class enforces it.</summary>
    public abstract IdempotencyStrategy Strategy { get; }

    /// <summary>Gets the path of the record's id in a response body (a create's answer, a lookup's record).</summary>
    /// <value>The default value is <c>id</c>.</value>
    protected virtual string RemoteIdPath => "id";

    /// <summary>Upserts an entity: maps it, then creates or updates it in the target under <see cref="Strategy"/>.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="idempotencyKey">A key that stays the same across retries and replays of this write (an outbox message id).</param>
    /// <param name="cancellationToken">A token to cancel the write.</param>
    /// <returns>The result, a value for every expected failure; on success it carries the remote id to link.</returns>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> or <paramref name="idempotencyKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The derived class does not build a request its strategy needs.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<EntityWriteResult> UpsertAsync(TEntity entity, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(entity);
        Guard.Against.NullOrWhiteSpace(idempotencyKey);

        var buffer = new ArrayBufferWriter<byte>();
        var mapped = OutboundMap.MapFromEntity(entity, TypeInfo, buffer);
        if (!mapped.Succeeded)
        {
            return EntityWriteResult.Failure(EntityWriteOutcome.PermanentFailure, EntityErrorCodes.OutboundMapFailed,
                $"the entity cannot be mapped for the target: {string.Join("; ", mapped.Errors)}");
        }

        var payload = buffer.WrittenMemory;
        var write = new Write(entity, payload, Strategy == IdempotencyStrategy.IdempotencyKeyHeader ? idempotencyKey : null);
        return Strategy switch
        {
            IdempotencyStrategy.UpsertByExternalKey =>
                await SendAsync(CreateUpsertRequest(entity, payload), WriteKind.Upsert, null, retrySafe: true, write, cancellationToken).ConfigureAwait(false),
            IdempotencyStrategy.IdempotencyKeyHeader or IdempotencyStrategy.None => GetKnownRemoteId(entity) is { } remoteId
                ? await UpdateAsync(remoteId, write, cancellationToken).ConfigureAwait(false)
                : await SendAsync(CreateCreateRequest(entity, payload), WriteKind.Create, null, retrySafe: false, write, cancellationToken).ConfigureAwait(false),
            IdempotencyStrategy.ReadBeforeCreate => await ReadBeforeCreateAsync(write, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"{GetType().Name} declares an unknown idempotency strategy ({Strategy})."),
        };
    }

    /// <summary>Gets the target's id of an entity that is known to exist there (carried by the entity), so it is updated, not created.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The remote id, or <see langword="null"/> (the default) when not known.</returns>
    protected virtual string? GetKnownRemoteId(TEntity entity) => null;

    /// <summary>Builds the upsert by external key (<see cref="IdempotencyStrategy.UpsertByExternalKey"/>): a <c>PUT</c>, <c>PATCH</c> or <c>POST</c> to an endpoint keyed by a key the target honours.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="payload">The mapped payload, UTF-8 JSON (see <see cref="CreateJsonContent"/>).</param>
    /// <returns>The request.</returns>
    /// <exception cref="NotSupportedException">Not overridden.</exception>
    protected virtual HttpRequestMessage CreateUpsertRequest(TEntity entity, ReadOnlyMemory<byte> payload) => throw NotBuilt(nameof(CreateUpsertRequest));

    /// <summary>Builds a create (usually a <c>POST</c> to a collection).</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="payload">The mapped payload, UTF-8 JSON (see <see cref="CreateJsonContent"/>).</param>
    /// <returns>The request.</returns>
    /// <exception cref="NotSupportedException">Not overridden.</exception>
    protected virtual HttpRequestMessage CreateCreateRequest(TEntity entity, ReadOnlyMemory<byte> payload) => throw NotBuilt(nameof(CreateCreateRequest));

    /// <summary>Builds an update of a record whose remote id is known; it must be idempotent (it is retried).</summary>
    /// <param name="remoteId">The record's id in the target.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="payload">The mapped payload, UTF-8 JSON (see <see cref="CreateJsonContent"/>).</param>
    /// <returns>The request, or <see langword="null"/> (the default) when the writer does no updates: a record found is left as it is.</returns>
    protected virtual HttpRequestMessage? CreateUpdateRequest(string remoteId, TEntity entity, ReadOnlyMemory<byte> payload) => null;

    /// <summary>Builds the lookup of <see cref="IdempotencyStrategy.ReadBeforeCreate"/>: a <c>GET</c> of the record by its external id.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The request.</returns>
    /// <exception cref="NotSupportedException">Not overridden.</exception>
    protected virtual HttpRequestMessage CreateLookupRequest(TEntity entity) => throw NotBuilt(nameof(CreateLookupRequest));

    /// <summary>Reads the remote id from a successful write's response: <see cref="RemoteIdPath"/> in the body, else the last segment of <c>Location</c>.</summary>
    /// <param name="response">The response.</param>
    /// <param name="body">Its body.</param>
    /// <returns>The remote id, or <see langword="null"/> when the response does not say.</returns>
    protected virtual string? ReadRemoteId(HttpResponseMessage response, ReadOnlyMemory<byte> body)
    {
        Guard.Against.Null(response);
        return (body.IsEmpty ? null : RemoteIds.Read(body.Span, RemoteIdPath)) ?? RemoteIds.FromLocation(response.Headers.Location);
    }

    /// <summary>
    /// Reads a successful lookup's response: the remote id of the record found, or <see langword="null"/> when none was. By default
    /// a JSON array gives its first element's <see cref="RemoteIdPath"/> (an empty array: not found) and an object its own. A 404 or
    /// 410 answer is "not found" without calling this.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="body">Its body.</param>
    /// <returns>The remote id, or <see langword="null"/>.</returns>
    protected virtual string? ReadLookupResult(HttpResponseMessage response, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        if (RemoteIds.IsArray(body.Span))
        {
            return RemoteIds.FirstElement(body) is { } first ? RemoteIds.Read(first.Span, RemoteIdPath) : null;
        }

        return RemoteIds.Read(body.Span, RemoteIdPath);
    }

    /// <summary>Wraps a mapped payload as <c>application/json</c> content, without copying it.</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The content.</returns>
    protected static HttpContent CreateJsonContent(ReadOnlyMemory<byte> payload)
    {
        var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async ValueTask<EntityWriteResult> ReadBeforeCreateAsync(Write write, CancellationToken cancellationToken)
    {
        if (GetKnownRemoteId(write.Entity) is { } known)
        {
            return await UpdateAsync(known, write, cancellationToken).ConfigureAwait(false);
        }

        var before = await LookupAsync(write.Entity, cancellationToken).ConfigureAwait(false);
        if (before.Failure is { } lookupFailed)
        {
            // Nothing was written: the lookup's own failure says when to try again.
            return lookupFailed;
        }

        if (before.RemoteId is { } found)
        {
            return await UpdateAsync(found, write, cancellationToken).ConfigureAwait(false);
        }

        var created = await SendAsync(CreateCreateRequest(write.Entity, write.Payload), WriteKind.Create, null, retrySafe: false, write, cancellationToken).ConfigureAwait(false);
        if (created.Outcome != EntityWriteOutcome.Ambiguous)
        {
            return created;
        }

        var after = await LookupAsync(write.Entity, cancellationToken).ConfigureAwait(false);
        if (after.RemoteId is { } applied)
        {
            return EntityWriteResult.Created(applied);
        }

        return after.Failure is { } failed
            ? EntityWriteResult.Failure(EntityWriteOutcome.Ambiguous, HttpErrorCodes.AmbiguousOutcome,
                $"{created.Reason}; the lookup after it failed too ({failed.ErrorCode} {failed.Reason})", failed.NotBefore)
            : EntityWriteResult.Failure(EntityWriteOutcome.TransientFailure, EntityErrorCodes.NotFoundAfterAmbiguousCreate,
                $"{created.Reason}; a lookup after it did not find the record, so it was not applied as far as the target shows: the next attempt looks up again before it creates");
    }

    private async ValueTask<EntityWriteResult> UpdateAsync(string remoteId, Write write, CancellationToken cancellationToken)
    {
        var request = CreateUpdateRequest(remoteId, write.Entity, write.Payload);
        return request is null
            ? EntityWriteResult.Existed(remoteId)
            : await SendAsync(request, WriteKind.Update, remoteId, retrySafe: true, write, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Lookup> LookupAsync(TEntity entity, CancellationToken cancellationToken)
    {
        using var request = CreateLookupRequest(entity);
        using var result = await Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && result.Response is { } response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new Lookup(ReadLookupResult(response, body), null);
        }

        return result.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone
            ? new Lookup(null, null)
            : new Lookup(null, FromFailure(result, "the lookup before a create failed"));
    }

    private async ValueTask<EntityWriteResult> SendAsync(HttpRequestMessage request, WriteKind kind, string? knownRemoteId, bool retrySafe, Write write, CancellationToken cancellationToken)
    {
        using (request)
        {
            Guard.Against.Null(request);
            if (retrySafe)
            {
                request.Options.Set(ConnectorRequestOptions.RetrySafe, true);
            }

            if (write.IdempotencyKey is { } key)
            {
                var header = Client.Options.IdempotencyKeyHeader;
                request.Headers.Remove(header);
                request.Headers.TryAddWithoutValidation(header, key);
            }

            using var result = await Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess || result.Response is not { } response)
            {
                return FromFailure(result, null);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var remoteId = ReadRemoteId(response, body) ?? knownRemoteId;
            return kind switch
            {
                WriteKind.Create => EntityWriteResult.Created(remoteId, response.StatusCode),
                WriteKind.Upsert when response.StatusCode == HttpStatusCode.Created => EntityWriteResult.Created(remoteId, response.StatusCode),
                _ => EntityWriteResult.Updated(remoteId, response.StatusCode),
            };
        }
    }

    private static EntityWriteResult FromFailure(HttpCallResult result, string? context)
    {
        var reason = result.Reason ?? result.Outcome.ToString();
        if (context is not null)
        {
            reason = $"{context}: {reason}";
        }

        var outcome = result.Outcome switch
        {
            HttpCallOutcome.TransientFailure => EntityWriteOutcome.TransientFailure,
            HttpCallOutcome.RateLimited => EntityWriteOutcome.RateLimited,
            HttpCallOutcome.Ambiguous => EntityWriteOutcome.Ambiguous,
            _ => EntityWriteOutcome.PermanentFailure,
        };
        return EntityWriteResult.Failure(outcome, result.ErrorCode ?? HttpErrorCodes.PermanentFailure, reason, result.NotBefore, result.StatusCode);
    }

    private NotSupportedException NotBuilt(string method) =>
        new($"{GetType().Name} declares {Strategy} but does not override {method}.");

    private enum WriteKind
    {
        Create,
        Update,
        Upsert,
    }

    private readonly record struct Write(TEntity Entity, ReadOnlyMemory<byte> Payload, string? IdempotencyKey);

    private readonly record struct Lookup(string? RemoteId, EntityWriteResult? Failure);
}
