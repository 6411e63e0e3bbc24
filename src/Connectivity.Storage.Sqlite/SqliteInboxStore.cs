using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Diagnostics.Internal;
using Connectivity.Inbox;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite;

/// <summary>An <see cref="IInboxStore"/> in SQLite: one upsert on the (source, message id) key decides, in the caller's transaction when given.</summary>
public sealed class SqliteInboxStore : IInboxStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly InboxOptions _options;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="options">The de-duplication window.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SqliteInboxStore(SqliteDatabase database, IOptions<InboxOptions> options, TimeProvider timeProvider)
    {
        _database = Guard.Against.Null(database);
        _options = Guard.Against.Null(options).Value;
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="messageId"/> is empty, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="messageId"/> is <see langword="null"/>.</exception>
    public ValueTask<InboxResult> TryAcceptAsync(string source, string messageId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrEmpty(source);
        Guard.Against.NullOrEmpty(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        var result = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using (var upsert = connection.Command(tx, """
                INSERT INTO cnx_inbox (source, message_id, received_at) VALUES ($source, $id, $now)
                ON CONFLICT (source, message_id) DO UPDATE SET received_at = excluded.received_at WHERE cnx_inbox.received_at <= $boundary
                RETURNING received_at;
                """).With("$source", source).With("$id", messageId).With("$now", SqliteTime.ToTicks(now))
                .With("$boundary", SqliteTime.ToTicks(now - _options.DeduplicationWindow)))
            {
                if (upsert.ExecuteScalar() is not null)
                {
                    return new InboxResult(InboxOutcome.Accepted, now);
                }
            }

            using var select = connection.Command(tx, "SELECT received_at FROM cnx_inbox WHERE source = $source AND message_id = $id;")
                .With("$source", source).With("$id", messageId);
            return new InboxResult(InboxOutcome.Duplicate, SqliteTime.FromTicks((long)select.ExecuteScalar()!));
        });
        if (result.IsDuplicate)
        {
            DeliveryTelemetry.DuplicateAbsorbed("inbox", source);
        }

        return new ValueTask<InboxResult>(result);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="maxCount"/> is not positive.</exception>
    public ValueTask<int> PurgeExpiredAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        var boundary = SqliteTime.ToTicks(_timeProvider.GetUtcNow() - _options.DeduplicationWindow);
        var deleted = SqliteWork.Read(_database, connection =>
        {
            using var delete = connection.Command(null, """
                DELETE FROM cnx_inbox WHERE (source, message_id) IN (SELECT source, message_id FROM cnx_inbox WHERE received_at <= $boundary LIMIT $max);
                """).With("$boundary", boundary).With("$max", maxCount);
            return delete.ExecuteNonQuery();
        });
        return new ValueTask<int>(deleted);
    }
}
