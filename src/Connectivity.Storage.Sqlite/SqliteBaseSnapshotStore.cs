using Ardalis.GuardClauses;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Storage.Sqlite.Internal;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// An <see cref="IBaseSnapshotStore"/> in SQLite. A save is one statement that checks the revision it replaces:
/// an <c>INSERT … ON CONFLICT DO NOTHING</c> for the first revision, an <c>UPDATE … WHERE revision = expected</c> after
/// it, so of several savers of the same revision, in any process, exactly one wins.
/// </summary>
/// <remarks>
/// Given a <see cref="SqliteStoreTransaction"/>, a save or a removal runs on its connection inside it, so the base
/// commits or rolls back with the outbox messages written there.
/// </remarks>
public sealed class SqliteBaseSnapshotStore : IBaseSnapshotStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteBaseSnapshotStore(SqliteDatabase database)
    {
        _database = Guard.Against.Null(database);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    public ValueTask<BaseSnapshot?> GetAsync(RecordKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, """
                SELECT snapshot, revision, source_version, source_modified_at FROM cnx_base_snapshots
                WHERE system = $system AND entity_type = $entityType AND canonical_id = $canonicalId;
                """).WithKey(key);
            using var reader = select.ExecuteReader();
            return reader.Read()
                ? new BaseSnapshot(
                    (byte[])reader.GetValue(0),
                    reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : SqliteTime.FromTicks(reader.GetInt64(3)))
                : null;
        });
        return new(snapshot);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, <paramref name="expectedRevision"/> is negative, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> TrySaveAsync(RecordKey key, BaseSnapshot snapshot, long expectedRevision, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.Null(snapshot);
        Guard.Against.Negative(expectedRevision);
        cancellationToken.ThrowIfCancellationRequested();
        var saved = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var save = connection.Command(tx, expectedRevision == 0
                ? """
                  INSERT INTO cnx_base_snapshots (system, entity_type, canonical_id, revision, snapshot, source_version, source_modified_at)
                  VALUES ($system, $entityType, $canonicalId, 1, $snapshot, $sourceVersion, $sourceModifiedAt)
                  ON CONFLICT (system, entity_type, canonical_id) DO NOTHING;
                  """
                : """
                  UPDATE cnx_base_snapshots SET revision = $expected + 1, snapshot = $snapshot, source_version = $sourceVersion, source_modified_at = $sourceModifiedAt
                  WHERE system = $system AND entity_type = $entityType AND canonical_id = $canonicalId AND revision = $expected;
                  """)
                .WithKey(key)
                .With("$expected", expectedRevision)
                .With("$snapshot", snapshot.Utf8Json.ToArray())
                .With("$sourceVersion", snapshot.SourceVersion)
                .With("$sourceModifiedAt", snapshot.SourceModifiedAt is { } modifiedAt ? SqliteTime.ToTicks(modifiedAt) : null);
            return save.ExecuteNonQuery() == 1;
        });
        return new(saved);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    public ValueTask<bool> RemoveAsync(RecordKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var delete = connection.Command(tx, "DELETE FROM cnx_base_snapshots WHERE system = $system AND entity_type = $entityType AND canonical_id = $canonicalId;")
                .WithKey(key);
            return delete.ExecuteNonQuery() == 1;
        });
        return new(removed);
    }
}
