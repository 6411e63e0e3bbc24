using Connectivity.ChangeTracking;
using Connectivity.Identity;
using Microsoft.Data.Sqlite;

namespace Connectivity.Storage.Sqlite.Internal;

/// <summary>Binds the parts of a record's key to the <c>$system</c>, <c>$entityType</c> and id parameters every table names the same way.</summary>
internal static class SqliteKeys
{
    public static SqliteCommand WithKey(this SqliteCommand command, RemoteKey key) =>
        command.With("$system", key.System).With("$entityType", key.EntityType).With("$remoteId", key.RemoteId);

    public static SqliteCommand WithKey(this SqliteCommand command, RecordKey key) =>
        command.With("$system", key.System).With("$entityType", key.EntityType).With("$canonicalId", key.CanonicalId);
}
