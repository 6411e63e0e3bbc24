using System.Buffers;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Retention;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// An <see cref="IEchoFingerprintStore"/> in SQLite, bounded by <see cref="EchoGuardOptions"/>: expired fingerprints are
/// never returned, each record and system keeps its newest <see cref="EchoGuardOptions.MaxFingerprintsPerRecord"/>, and
/// every write also deletes a small batch of expired rows of any record, so the table does not grow with records
/// that are never written again. <see cref="EchoGuardOptions.MaxRecords"/> bounds in-memory stores only; here the time
/// to live bounds the number of records.
/// </summary>
public sealed class SqliteEchoFingerprintStore : IEchoFingerprintStore, IExpiringStore
{
    private const int ExpiredRowsDeletedPerWrite = 32;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly EchoGuardOptions _options;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="options">The time to live and the per-record bound.</param>
    /// <param name="timeProvider">The clock that decides expiry.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The time to live or the per-record bound is not positive.</exception>
    public SqliteEchoFingerprintStore(SqliteDatabase database, IOptions<EchoGuardOptions> options, TimeProvider timeProvider)
    {
        _database = Guard.Against.Null(database);
        _options = Guard.Against.Null(options).Value;
        _timeProvider = Guard.Against.Null(timeProvider);
        Guard.Against.NegativeOrZero(_options.TimeToLive, nameof(options));
        Guard.Against.NegativeOrZero(_options.MaxFingerprintsPerRecord, nameof(options));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="fingerprint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The fingerprint's key is the default value.</exception>
    public ValueTask AddAsync(EchoFingerprint fingerprint, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(fingerprint);
        Guard.Against.Default(fingerprint.Key, nameof(fingerprint));
        cancellationToken.ThrowIfCancellationRequested();
        var notBefore = SqliteTime.ToTicks(_timeProvider.GetUtcNow() - _options.TimeToLive);
        var fieldPaths = EncodeFieldPaths(fingerprint.FieldPaths);
        SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using (var insert = connection.Command(tx, """
                INSERT INTO cnx_echo_fingerprints (system, entity_type, canonical_id, field_paths, hash, written_at)
                VALUES ($system, $entityType, $canonicalId, $fieldPaths, $hash, $writtenAt);
                """).WithKey(fingerprint.Key).With("$fieldPaths", fieldPaths).With("$hash", fingerprint.Hash)
                .With("$writtenAt", SqliteTime.ToTicks(fingerprint.WrittenAt)))
            {
                insert.ExecuteNonQuery();
            }

            // Keep the record's newest few; then sweep a bounded batch of expired rows of any record.
            using (var trim = connection.Command(tx, """
                DELETE FROM cnx_echo_fingerprints WHERE seq IN (
                    SELECT seq FROM cnx_echo_fingerprints
                    WHERE system = $system AND entity_type = $entityType AND canonical_id = $canonicalId
                    ORDER BY written_at DESC, seq DESC LIMIT -1 OFFSET $max);
                DELETE FROM cnx_echo_fingerprints WHERE seq IN (
                    SELECT seq FROM cnx_echo_fingerprints WHERE written_at < $notBefore LIMIT $sweep);
                """).WithKey(fingerprint.Key).With("$max", _options.MaxFingerprintsPerRecord).With("$notBefore", notBefore)
                .With("$sweep", ExpiredRowsDeletedPerWrite))
            {
                trim.ExecuteNonQuery();
            }

            return 0;
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    public ValueTask<IReadOnlyList<EchoFingerprint>> GetAsync(RecordKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var notBefore = SqliteTime.ToTicks(_timeProvider.GetUtcNow() - _options.TimeToLive);
        var fingerprints = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, """
                SELECT field_paths, hash, written_at FROM cnx_echo_fingerprints
                WHERE system = $system AND entity_type = $entityType AND canonical_id = $canonicalId AND written_at >= $notBefore
                ORDER BY written_at DESC, seq DESC LIMIT $max;
                """).WithKey(key).With("$notBefore", notBefore).With("$max", _options.MaxFingerprintsPerRecord);
            using var reader = select.ExecuteReader();
            var result = new List<EchoFingerprint>();
            while (reader.Read())
            {
                result.Add(new EchoFingerprint(key, DecodeFieldPaths(reader.GetString(0)), reader.GetInt64(1), SqliteTime.FromTicks(reader.GetInt64(2))));
            }

            return result;
        });
        return new(fingerprints);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    public ValueTask RemoveAsync(RecordKey key, DateTimeOffset writtenAtOrBefore, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var delete = connection.Command(tx, """
                DELETE FROM cnx_echo_fingerprints
                WHERE system = $system AND entity_type = $entityType AND canonical_id = $canonicalId AND written_at <= $writtenAtOrBefore;
                """).WithKey(key).With("$writtenAtOrBefore", SqliteTime.ToTicks(writtenAtOrBefore));
            return delete.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Deletes fingerprints older than the time to live, of every record.</summary>
    /// <param name="maxCount">The most rows to delete in this call.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many fingerprints were deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        var notBefore = SqliteTime.ToTicks(_timeProvider.GetUtcNow() - _options.TimeToLive);
        var deleted = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            using var delete = connection.Command(tx, """
                DELETE FROM cnx_echo_fingerprints WHERE seq IN (SELECT seq FROM cnx_echo_fingerprints WHERE written_at < $notBefore LIMIT $max);
                """).With("$notBefore", notBefore).With("$max", maxCount);
            return delete.ExecuteNonQuery();
        });
        return new(deleted);
    }

    private static string EncodeFieldPaths(IReadOnlyList<string> fieldPaths)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var path in fieldPaths)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string[] DecodeFieldPaths(string json)
    {
        var paths = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            paths.Add(reader.GetString()!);
        }

        return [.. paths];
    }
}
