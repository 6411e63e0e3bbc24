using Microsoft.Extensions.Logging;

namespace Connectivity.Sync.Internal;

/// <summary>The sync flow's log messages: ids only, never field values.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Sync: {System} answered a write of {EntityType} {CanonicalId} with its record {RemoteId}, which is linked to another canonical record; the two may be duplicates to merge")]
    public static partial void LinkedElsewhere(this ILogger logger, string system, string entityType, string remoteId, string canonicalId);
}
