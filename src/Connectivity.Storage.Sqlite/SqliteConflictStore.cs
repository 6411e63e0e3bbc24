using Ardalis.GuardClauses;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Storage.Sqlite.Internal;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// An <see cref="IConflictStore"/> in SQLite: one row per record, field and sending system, so adding a newer conflict
/// is an upsert that replaces the open one.
/// </summary>
public sealed class SqliteConflictStore : IConflictStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteConflictStore(SqliteDatabase database)
    {
        _database = Guard.Against.Null(database);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="conflict"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The conflict's key is the default value.</exception>
    public ValueTask AddAsync(FieldConflict conflict, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(conflict);
        Guard.Against.Default(conflict.Key, nameof(conflict));
        cancellationToken.ThrowIfCancellationRequested();
        SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var upsert = connection.Command(tx, """
                INSERT INTO cnx_conflicts (entity_type, canonical_id, system, field_path, owner, stage, base_value, current_value, incoming_value, detected_at)
                VALUES ($entityType, $canonicalId, $system, $fieldPath, $owner, $stage, $baseValue, $currentValue, $incomingValue, $detectedAt)
                ON CONFLICT (entity_type, canonical_id, system, field_path) DO UPDATE SET owner = excluded.owner, stage = excluded.stage,
                    base_value = excluded.base_value, current_value = excluded.current_value, incoming_value = excluded.incoming_value,
                    detected_at = excluded.detected_at;
                """).WithKey(conflict.Key).With("$fieldPath", conflict.FieldPath).With("$owner", conflict.Owner).With("$stage", conflict.Stage)
                .With("$baseValue", conflict.BaseValue).With("$currentValue", conflict.CurrentValue).With("$incomingValue", conflict.IncomingValue)
                .With("$detectedAt", SqliteTime.ToTicks(conflict.DetectedAt));
            return upsert.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlyList<FieldConflict>> ListAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        var conflicts = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, """
                SELECT system, field_path, owner, stage, base_value, current_value, incoming_value, detected_at FROM cnx_conflicts
                WHERE entity_type = $entityType AND canonical_id = $canonicalId
                ORDER BY detected_at, field_path, system;
                """).With("$entityType", entityType).With("$canonicalId", canonicalId);
            using var reader = select.ExecuteReader();
            var result = new List<FieldConflict>();
            while (reader.Read())
            {
                result.Add(new FieldConflict(
                    new RecordKey(reader.GetString(0), entityType, canonicalId),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetNullableString(4),
                    reader.GetNullableString(5),
                    reader.GetNullableString(6),
                    SqliteTime.FromTicks(reader.GetInt64(7))));
            }

            return result;
        });
        return new(conflicts);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="fieldPath"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> RemoveAsync(RecordKey key, string fieldPath, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.Null(fieldPath);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            using var delete = connection.Command(tx, """
                DELETE FROM cnx_conflicts WHERE entity_type = $entityType AND canonical_id = $canonicalId AND system = $system AND field_path = $fieldPath;
                """).WithKey(key).With("$fieldPath", fieldPath);
            return delete.ExecuteNonQuery() == 1;
        });
        return new(removed);
    }
}
