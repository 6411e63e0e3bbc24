namespace Connectivity.Connectors.Entities;

/// <summary>Stable error codes of entity readers and writers. The full list is in <c>docs/error-codes.md</c>.</summary>
public static class EntityErrorCodes
{
    /// <summary>An inbound record has no remote id at the reader's id path, so it cannot be linked; it is yielded as a failure.</summary>
    public const string MissingRemoteId = "CNX6101";

    /// <summary>An entity could not be mapped to the target's payload through the writer's outbound map; nothing was sent.</summary>
    public const string OutboundMapFailed = "CNX6102";

    /// <summary>
    /// A create whose outcome was unknown was followed by a lookup that did not find the record: it was not applied as far as the
    /// target shows. Transient: the next attempt looks the record up again before it creates.
    /// </summary>
    public const string NotFoundAfterAmbiguousCreate = "CNX6103";

    /// <summary>A record read by its remote id (<see cref="EntityReader{TEntity}.ReadByIdAsync"/>) is not in the target (404); it is a failed change.</summary>
    public const string RecordNotFound = "CNX6104";

    /// <summary>A thin webhook's body is not JSON or names no record id at the reader's id path; it is a failed change.</summary>
    public const string WebhookRecordIdMissing = "CNX6105";

    /// <summary>
    /// A thin webhook's body names more distinct record ids than the reader's cap (<c>ThinWebhookReader.MaxIds</c>); nothing is
    /// fetched and it is one failed change.
    /// </summary>
    public const string WebhookTooManyRecordIds = "CNX6106";
}
