using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// The outbox and its dead letters in SQLite. Claims run in <c>BEGIN IMMEDIATE</c> transactions and every completion
/// is an <c>UPDATE … WHERE lease_token = $token</c>, so dispatchers in several processes and connections may share the file.
/// </summary>
public sealed class SqliteOutboxStore : IOutboxStore, IDeadLetterStore
{
    private const string MessageColumns = "id, destination, entity_key, payload, headers, attempt_count, not_before, created_at, last_error";

    private const string ClaimSql = $"""
        UPDATE cnx_outbox
        SET lease_owner = $owner, lease_token = $token, lease_expires_at = $expires, attempt_count = attempt_count + 1
        WHERE seq IN (
            SELECT o.seq FROM cnx_outbox o
            WHERE o.delivered_at IS NULL
              AND o.not_before <= $now
              AND o.lease_expires_at <= $now
              AND NOT EXISTS (SELECT 1 FROM cnx_outbox_paused p WHERE p.destination = o.destination)
              AND (o.entity_key IS NULL OR NOT EXISTS (
                    SELECT 1 FROM cnx_outbox e
                    WHERE e.entity_key = o.entity_key AND e.delivered_at IS NULL AND e.seq < o.seq))
            ORDER BY o.seq
            LIMIT $batch)
        RETURNING seq, {MessageColumns};
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="timeProvider">The clock for created, lease and delivery times.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> or <paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public SqliteOutboxStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        _database = Guard.Against.Null(database);
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    /// <exception cref="SqliteException">A message with the same id is already in the outbox.</exception>
    public ValueTask EnqueueAsync(IReadOnlyList<OutboxMessage> messages, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(messages);
        cancellationToken.ThrowIfCancellationRequested();
        if (messages.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var insert = connection.Command(tx, """
                INSERT INTO cnx_outbox (id, destination, entity_key, payload, headers, not_before, created_at)
                VALUES ($id, $destination, $key, $payload, $headers, $notBefore, $now);
                """);
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var destination = insert.Parameters.Add("$destination", SqliteType.Text);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            var headers = insert.Parameters.Add("$headers", SqliteType.Text);
            var notBefore = insert.Parameters.Add("$notBefore", SqliteType.Integer);
            insert.With("$now", now);
            foreach (var message in messages)
            {
                Guard.Against.Null(message, nameof(messages));
                id.Value = message.Id.ToString();
                destination.Value = message.Destination;
                key.Value = (object?)message.EntityKey ?? DBNull.Value;
                payload.Value = message.Payload.ToArray();
                headers.Value = (object?)HeaderCodec.Encode(message.Headers) ?? DBNull.Value;
                notBefore.Value = message.NotBefore is { } at ? SqliteTime.ToTicks(at) : 0L;
                insert.ExecuteNonQuery();
            }

            return 0;
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The owner is empty, or the batch size or lease duration is not positive.</exception>
    public ValueTask<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(OutboxClaimRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(request.Owner);
        Guard.Against.NegativeOrZero(request.BatchSize);
        Guard.Against.NegativeOrZero(request.LeaseDuration.Ticks);
        cancellationToken.ThrowIfCancellationRequested();

        var now = _timeProvider.GetUtcNow();
        var expires = now + request.LeaseDuration;
        var claimed = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            long token;
            using (var next = connection.Command(tx, "UPDATE cnx_counters SET value = value + 1 WHERE name = 'lease_token' RETURNING value;"))
            {
                token = (long)next.ExecuteScalar()!;
            }

            using var claim = connection.Command(tx, ClaimSql)
                .With("$owner", request.Owner)
                .With("$token", token)
                .With("$expires", SqliteTime.ToTicks(expires))
                .With("$now", SqliteTime.ToTicks(now))
                .With("$batch", request.BatchSize);
            using var reader = claim.ExecuteReader();
            var rows = new List<(long Seq, ClaimedOutboxMessage Message)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), new ClaimedOutboxMessage(ReadMessage(reader, 1), token, request.Owner, expires)));
            }

            rows.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
            return rows.ConvertAll(static r => r.Message);
        });
        return new ValueTask<IReadOnlyList<ClaimedOutboxMessage>>(claimed);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> is <see langword="null"/>.</exception>
    public ValueTask<int> RenewLeasesAsync(IReadOnlyCollection<ClaimedOutboxMessage> claims, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(claims);
        cancellationToken.ThrowIfCancellationRequested();
        if (claims.Count == 0)
        {
            return new ValueTask<int>(0);
        }

        var expires = SqliteTime.ToTicks(expiresAt);
        var renewed = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            using var update = connection.Command(tx, """
                UPDATE cnx_outbox SET lease_expires_at = $expires
                WHERE id = $id AND lease_token = $token AND $token > 0 AND delivered_at IS NULL;
                """).With("$expires", expires).With("$id", string.Empty).With("$token", 0L);
            var count = 0;
            foreach (var claim in claims)
            {
                update.Parameters["$id"].Value = claim.Message.Id.ToString();
                update.Parameters["$token"].Value = claim.LeaseToken;
                count += update.ExecuteNonQuery();
            }

            return count;
        });
        return new ValueTask<int>(renewed);
    }

    /// <inheritdoc />
    public ValueTask<bool> MarkDeliveredAsync(Guid messageId, long leaseToken, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var changed = SqliteWork.Read(_database, connection =>
        {
            using var update = connection.Command(null, """
                UPDATE cnx_outbox SET delivered_at = $now, lease_owner = NULL, lease_token = 0, lease_expires_at = 0
                WHERE id = $id AND lease_token = $token AND $token > 0 AND delivered_at IS NULL;
                """).With("$now", now).With("$id", messageId.ToString()).With("$token", leaseToken);
            return update.ExecuteNonQuery();
        });
        return new ValueTask<bool>(changed == 1);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="lastError"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> ScheduleRetryAsync(Guid messageId, long leaseToken, DateTimeOffset notBefore, string lastError, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(lastError);
        cancellationToken.ThrowIfCancellationRequested();
        var changed = SqliteWork.Read(_database, connection =>
        {
            using var update = connection.Command(null, """
                UPDATE cnx_outbox SET not_before = $notBefore, last_error = $error, lease_owner = NULL, lease_token = 0, lease_expires_at = 0
                WHERE id = $id AND lease_token = $token AND $token > 0 AND delivered_at IS NULL;
                """).With("$notBefore", SqliteTime.ToTicks(notBefore)).With("$error", lastError).With("$id", messageId.ToString()).With("$token", leaseToken);
            return update.ExecuteNonQuery();
        });
        return new ValueTask<bool>(changed == 1);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="errorCode"/> or <paramref name="reason"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="errorCode"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> DeadLetterAsync(Guid messageId, long leaseToken, string errorCode, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(errorCode);
        Guard.Against.NullOrEmpty(reason);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var id = messageId.ToString();
        var moved = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            string? owner;
            using (var find = connection.Command(tx, "SELECT lease_owner FROM cnx_outbox WHERE id = $id AND lease_token = $token AND $token > 0 AND delivered_at IS NULL;")
                .With("$id", id).With("$token", leaseToken))
            {
                using var reader = find.ExecuteReader();
                if (!reader.Read())
                {
                    return false;
                }

                owner = reader.GetNullableString(0);
            }

            using (var copy = connection.Command(tx, """
                INSERT INTO cnx_dead_letters (id, destination, entity_key, payload, headers, attempt_count, created_at, last_error, error_code, reason, dead_lettered_at, status)
                SELECT id, destination, entity_key, payload, headers, attempt_count, created_at, $reason, $code, $reason, $now, 0 FROM cnx_outbox WHERE id = $id
                ON CONFLICT (id) DO UPDATE SET
                    destination = excluded.destination, entity_key = excluded.entity_key, payload = excluded.payload, headers = excluded.headers,
                    attempt_count = excluded.attempt_count, created_at = excluded.created_at, last_error = excluded.last_error,
                    error_code = excluded.error_code, reason = excluded.reason, dead_lettered_at = excluded.dead_lettered_at, status = 0;
                DELETE FROM cnx_outbox WHERE id = $id;
                """).With("$id", id).With("$reason", reason).With("$code", errorCode).With("$now", now))
            {
                copy.ExecuteNonQuery();
            }

            Audit(connection, tx, id, DeadLetterAction.DeadLettered, owner ?? "dispatcher", now, reason);
            return true;
        });
        return new ValueTask<bool>(moved);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    public ValueTask<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(owner);
        cancellationToken.ThrowIfCancellationRequested();
        var released = SqliteWork.Read(_database, connection =>
        {
            using var update = connection.Command(null, """
                UPDATE cnx_outbox SET lease_owner = NULL, lease_token = 0, lease_expires_at = 0
                WHERE lease_owner = $owner AND delivered_at IS NULL;
                """).With("$owner", owner);
            return update.ExecuteNonQuery();
        });
        return new ValueTask<int>(released);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public ValueTask PauseDestinationAsync(string destination, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        SqliteWork.Read(_database, connection =>
        {
            using var insert = connection.Command(null, "INSERT INTO cnx_outbox_paused (destination, paused_at) VALUES ($destination, $now) ON CONFLICT (destination) DO NOTHING;")
                .With("$destination", destination).With("$now", now);
            return insert.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public ValueTask ResumeDestinationAsync(string destination, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(destination);
        cancellationToken.ThrowIfCancellationRequested();
        SqliteWork.Read(_database, connection =>
        {
            using var delete = connection.Command(null, "DELETE FROM cnx_outbox_paused WHERE destination = $destination;").With("$destination", destination);
            return delete.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> GetPausedDestinationsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var paused = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, "SELECT destination FROM cnx_outbox_paused ORDER BY destination;");
            using var reader = select.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
            }

            return list;
        });
        return new ValueTask<IReadOnlyList<string>>(paused);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> DeleteDeliveredAsync(DateTimeOffset deliveredBefore, int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = SqliteWork.Read(_database, connection =>
        {
            using var delete = connection.Command(null, """
                DELETE FROM cnx_outbox WHERE seq IN (
                    SELECT seq FROM cnx_outbox WHERE delivered_at IS NOT NULL AND delivered_at < $before ORDER BY delivered_at LIMIT $max);
                """).With("$before", SqliteTime.ToTicks(deliveredBefore)).With("$max", maxCount);
            return delete.ExecuteNonQuery();
        });
        return new ValueTask<int>(deleted);
    }

    /// <inheritdoc />
    public ValueTask<OutboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statistics = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, "SELECT COUNT(*), MIN(created_at) FROM cnx_outbox WHERE delivered_at IS NULL;");
            using var reader = select.ExecuteReader();
            reader.Read();
            return new OutboxStatistics(reader.GetInt64(0), reader.IsDBNull(1) ? null : SqliteTime.FromTicks(reader.GetInt64(1)));
        });
        return new ValueTask<OutboxStatistics>(statistics);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="limit"/> is not positive.</exception>
    public ValueTask<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterStatus status = DeadLetterStatus.Active, string? destination = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var list = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, $"""
                SELECT {DeadLetterColumns} FROM cnx_dead_letters
                WHERE status = $status AND ($destination IS NULL OR destination = $destination)
                ORDER BY dead_lettered_at, rowid LIMIT $limit;
                """).With("$status", (int)status).With("$destination", destination).With("$limit", limit);
            using var reader = select.ExecuteReader();
            var result = new List<DeadLetter>();
            while (reader.Read())
            {
                result.Add(ReadDeadLetter(reader, []));
            }

            return result;
        });
        return new ValueTask<IReadOnlyList<DeadLetter>>(list);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public ValueTask<DeadLetter?> InspectAsync(Guid messageId, string actor, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var id = messageId.ToString();
        var deadLetter = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            if (!Exists(connection, tx, id, activeOnly: false))
            {
                return null;
            }

            Audit(connection, tx, id, DeadLetterAction.Inspected, actor, now, null);
            var history = new List<DeadLetterAuditEntry>();
            using (var audit = connection.Command(tx, "SELECT action, actor, at, note FROM cnx_dead_letter_audit WHERE message_id = $id ORDER BY seq;").With("$id", id))
            using (var reader = audit.ExecuteReader())
            {
                while (reader.Read())
                {
                    history.Add(new DeadLetterAuditEntry((DeadLetterAction)reader.GetInt32(0), reader.GetString(1), SqliteTime.FromTicks(reader.GetInt64(2)), reader.GetNullableString(3)));
                }
            }

            using var select = connection.Command(tx, $"SELECT {DeadLetterColumns} FROM cnx_dead_letters WHERE id = $id;").With("$id", id);
            using var row = select.ExecuteReader();
            row.Read();
            return ReadDeadLetter(row, history);
        });
        return new ValueTask<DeadLetter?>(deadLetter);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> ReplayAsync(Guid messageId, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var id = messageId.ToString();
        var replayed = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            if (!Exists(connection, tx, id, activeOnly: true))
            {
                return false;
            }

            using (var inOutbox = connection.Command(tx, "SELECT 1 FROM cnx_outbox WHERE id = $id;").With("$id", id))
            {
                if (inOutbox.ExecuteScalar() is not null)
                {
                    return false;
                }
            }

            using (var requeue = connection.Command(tx, """
                INSERT INTO cnx_outbox (id, destination, entity_key, payload, headers, created_at)
                SELECT id, destination, entity_key, payload, headers, $now FROM cnx_dead_letters WHERE id = $id;
                UPDATE cnx_dead_letters SET status = 1 WHERE id = $id;
                """).With("$id", id).With("$now", now))
            {
                requeue.ExecuteNonQuery();
            }

            Audit(connection, tx, id, DeadLetterAction.Replayed, actor, now, note);
            return true;
        });
        return new ValueTask<bool>(replayed);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public ValueTask<bool> DismissAsync(Guid messageId, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(actor);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var id = messageId.ToString();
        var dismissed = SqliteWork.Write(_database, null, (connection, tx) =>
        {
            using (var update = connection.Command(tx, "UPDATE cnx_dead_letters SET status = 2 WHERE id = $id AND status = 0;").With("$id", id))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    return false;
                }
            }

            Audit(connection, tx, id, DeadLetterAction.Dismissed, actor, now, note);
            return true;
        });
        return new ValueTask<bool>(dismissed);
    }

    private const string DeadLetterColumns = "id, destination, entity_key, payload, headers, attempt_count, 0, created_at, last_error, error_code, reason, dead_lettered_at, status";

    private static bool Exists(SqliteConnection connection, SqliteTransaction tx, string id, bool activeOnly)
    {
        using var select = connection.Command(tx, "SELECT status FROM cnx_dead_letters WHERE id = $id;").With("$id", id);
        var status = select.ExecuteScalar();
        return status is long value && (!activeOnly || value == (long)DeadLetterStatus.Active);
    }

    private static void Audit(SqliteConnection connection, SqliteTransaction tx, string id, DeadLetterAction action, string actor, long at, string? note)
    {
        using var insert = connection.Command(tx, "INSERT INTO cnx_dead_letter_audit (message_id, action, actor, at, note) VALUES ($id, $action, $actor, $at, $note);")
            .With("$id", id).With("$action", (int)action).With("$actor", actor).With("$at", at).With("$note", note);
        insert.ExecuteNonQuery();
    }

    private static OutboxMessage ReadMessage(SqliteDataReader reader, int first)
    {
        var notBefore = reader.GetInt64(first + 6);
        return OutboxMessage.Restore(
            Guid.Parse(reader.GetString(first)),
            reader.GetString(first + 1),
            (byte[])reader.GetValue(first + 3),
            reader.GetNullableString(first + 2),
            HeaderCodec.Decode(reader.GetNullableString(first + 4)),
            reader.GetInt32(first + 5),
            notBefore == 0 ? null : SqliteTime.FromTicks(notBefore),
            SqliteTime.FromTicks(reader.GetInt64(first + 7)),
            reader.GetNullableString(first + 8));
    }

    private static DeadLetter ReadDeadLetter(SqliteDataReader reader, IReadOnlyList<DeadLetterAuditEntry> history) => new(
        ReadMessage(reader, 0),
        reader.GetString(9),
        reader.GetString(10),
        SqliteTime.FromTicks(reader.GetInt64(11)),
        (DeadLetterStatus)reader.GetInt32(12),
        history);
}
