using Ardalis.GuardClauses;
using Connectivity.Diagnostics.Internal;
using Connectivity.Idempotency;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite;

/// <summary>An <see cref="IIdempotencyStore"/> in SQLite: each decision is one <c>BEGIN IMMEDIATE</c> transaction, so exactly one of
/// many concurrent callers, in any process, takes a key.</summary>
public sealed class SqliteIdempotencyStore : IIdempotencyStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly IdempotencyOptions _options;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="options">The expiry and in-flight timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SqliteIdempotencyStore(SqliteDatabase database, IOptions<IdempotencyOptions> options, TimeProvider timeProvider)
    {
        _database = Guard.Against.Null(database);
        _options = Guard.Against.Null(options).Value;
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="fingerprint"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="fingerprint"/> is <see langword="null"/>.</exception>
    public ValueTask<IdempotencyResult> TryBeginAsync(string key, string fingerprint, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(key);
        Guard.Against.NullOrEmpty(fingerprint);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        var nowTicks = SqliteTime.ToTicks(now);
        var result = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            using (var select = connection.Command(tx, "SELECT fingerprint, completed, result, locked_until, expires_at FROM cnx_idempotency WHERE key = $key;").With("$key", key))
            using (var reader = select.ExecuteReader())
            {
                if (reader.Read() && reader.GetInt64(4) > nowTicks)
                {
                    var expiresAt = SqliteTime.FromTicks(reader.GetInt64(4));
                    if (!string.Equals(reader.GetString(0), fingerprint, StringComparison.Ordinal))
                    {
                        return IdempotencyResult.Mismatch(expiresAt);
                    }

                    if (reader.GetInt64(1) == 1)
                    {
                        DeliveryTelemetry.DuplicateAbsorbed("idempotency");
                        return IdempotencyResult.Completed(reader.IsDBNull(2) ? Array.Empty<byte>() : (byte[])reader.GetValue(2), expiresAt);
                    }

                    if (reader.GetInt64(3) > nowTicks)
                    {
                        return IdempotencyResult.InFlight(expiresAt);
                    }
                }
            }

            var token = Guid.NewGuid().ToString("N");
            var expires = now + _options.Expiry;
            using var upsert = connection.Command(tx, """
                INSERT INTO cnx_idempotency (key, fingerprint, token, completed, result, locked_until, expires_at)
                VALUES ($key, $fingerprint, $token, 0, NULL, $lockedUntil, $expires)
                ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, token = excluded.token, completed = 0, result = NULL,
                    locked_until = excluded.locked_until, expires_at = excluded.expires_at;
                """).With("$key", key).With("$fingerprint", fingerprint).With("$token", token)
                .With("$lockedUntil", SqliteTime.ToTicks(now + _options.InFlightTimeout)).With("$expires", SqliteTime.ToTicks(expires));
            upsert.ExecuteNonQuery();
            return IdempotencyResult.New(token, expires);
        });
        return new ValueTask<IdempotencyResult>(result);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="leaseToken"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="leaseToken"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> CompleteAsync(string key, string leaseToken, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(key);
        Guard.Against.NullOrEmpty(leaseToken);
        cancellationToken.ThrowIfCancellationRequested();
        var expires = SqliteTime.ToTicks(_timeProvider.GetUtcNow() + _options.Expiry);
        var changed = SqliteWork.Read(_database, connection =>
        {
            using var update = connection.Command(null, """
                UPDATE cnx_idempotency SET completed = 1, result = $result, expires_at = $expires
                WHERE key = $key AND token = $token AND completed = 0;
                """).With("$result", result.ToArray()).With("$expires", expires).With("$key", key).With("$token", leaseToken);
            return update.ExecuteNonQuery();
        });
        return new ValueTask<bool>(changed == 1);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="leaseToken"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="leaseToken"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> AbandonAsync(string key, string leaseToken, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(key);
        Guard.Against.NullOrEmpty(leaseToken);
        cancellationToken.ThrowIfCancellationRequested();
        var changed = SqliteWork.Read(_database, connection =>
        {
            using var delete = connection.Command(null, "DELETE FROM cnx_idempotency WHERE key = $key AND token = $token AND completed = 0;")
                .With("$key", key).With("$token", leaseToken);
            return delete.ExecuteNonQuery();
        });
        return new ValueTask<bool>(changed == 1);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var deleted = SqliteWork.Read(_database, connection =>
        {
            using var delete = connection.Command(null, "DELETE FROM cnx_idempotency WHERE key IN (SELECT key FROM cnx_idempotency WHERE expires_at <= $now LIMIT $max);")
                .With("$now", now).With("$max", maxCount);
            return delete.ExecuteNonQuery();
        });
        return new ValueTask<int>(deleted);
    }
}
