using Ardalis.GuardClauses;
using Connectivity.Delivery;
using Connectivity.Identity;
using Connectivity.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Connectivity.Storage.Sqlite;

/// <summary>
/// An <see cref="IIdentityMap"/> in SQLite. The (system, entity type, remote id) primary key makes
/// <see cref="GetOrCreateAsync"/> atomic across connections and processes: a known link is read without a lock, and a
/// new one is inserted with <c>ON CONFLICT DO NOTHING</c> in a <c>BEGIN IMMEDIATE</c> transaction, so the first writer's
/// id is the one every racer reads back. Canonical ids are version 7 GUIDs (time-ordered) taken from the given clock.
/// </summary>
/// <remarks>
/// Given a <see cref="SqliteStoreTransaction"/>, the writing methods run on its connection inside it, so a link commits
/// or rolls back with the outbox messages and checkpoints written there. That transaction already holds the write lock,
/// so get-or-create reads and inserts under it and stays atomic.
/// </remarks>
public sealed class SqliteIdentityMap : IIdentityMap
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new map.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="timeProvider">The clock the time-ordered ids and link times are taken from.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SqliteIdentityMap(SqliteDatabase database, TimeProvider timeProvider)
    {
        _database = Guard.Against.Null(database);
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    public ValueTask<IdentityResolution> GetOrCreateAsync(RemoteKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var enlisted = SqliteStoreTransaction.From(transaction);

        // Most calls find an existing link: answer those from a snapshot read, without taking the write lock. In a
        // transaction the lock is already held, and a link written earlier in it is only visible on its connection.
        var existing = enlisted is null
            ? SqliteWork.Read(_database, connection => FindLink(connection, null, key))
            : FindLink(enlisted.Connection, enlisted.Transaction, key);
        if (existing is not null)
        {
            return new(new IdentityResolution(existing, false));
        }

        var now = _timeProvider.GetUtcNow();
        var candidate = Guid.CreateVersion7(now).ToString();
        var resolution = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using (var insert = connection.Command(tx, """
                INSERT INTO cnx_identity_links (system, entity_type, remote_id, canonical_id, linked_at)
                VALUES ($system, $entityType, $remoteId, $canonicalId, $now)
                ON CONFLICT (system, entity_type, remote_id) DO NOTHING;
                """).WithKey(key).With("$canonicalId", candidate).With("$now", SqliteTime.ToTicks(now)))
            {
                if (insert.ExecuteNonQuery() == 1)
                {
                    return new IdentityResolution(candidate, true);
                }
            }

            // Another caller linked the record between the read and the write lock: its id is the one.
            return new IdentityResolution(FindLink(connection, tx, key)!, false);
        });
        return new(resolution);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    public ValueTask<string?> FindAsync(RemoteKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        return new(SqliteWork.Read(_database, connection => FindLink(connection, null, key)));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, <paramref name="canonicalId"/> is empty or white space, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="canonicalId"/> is <see langword="null"/>.</exception>
    public ValueTask<IdentityLinkResult> LinkAsync(RemoteKey key, string canonicalId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var result = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            var target = Resolve(connection, tx, key.EntityType, canonicalId);
            var existing = FindLink(connection, tx, key);
            if (existing is not null)
            {
                return string.Equals(existing, target, StringComparison.Ordinal) ? IdentityLinkResult.AlreadyLinked : IdentityLinkResult.LinkedElsewhere;
            }

            using var insert = connection.Command(tx, """
                INSERT INTO cnx_identity_links (system, entity_type, remote_id, canonical_id, linked_at)
                VALUES ($system, $entityType, $remoteId, $canonicalId, $now);
                """).WithKey(key).With("$canonicalId", target).With("$now", now);
            insert.ExecuteNonQuery();
            return IdentityLinkResult.Linked;
        });
        return new(result);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    public ValueTask<bool> UnlinkAsync(RemoteKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var delete = connection.Command(tx, "DELETE FROM cnx_identity_links WHERE system = $system AND entity_type = $entityType AND remote_id = $remoteId;")
                .WithKey(key);
            return delete.ExecuteNonQuery() == 1;
        });
        return new(removed);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlyList<RemoteKey>> ListLinksAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();

        // One read transaction, so the survivor and its links come from the same snapshot.
        var links = SqliteWork.Read(_database, connection =>
        {
            using var tx = connection.BeginTransaction(deferred: true);
            return Links(connection, tx, entityType, Resolve(connection, tx, entityType, canonicalId));
        });
        return new(links);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ValueTask<string> ResolveAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        return new(SqliteWork.Read(_database, connection => Resolve(connection, null, entityType, canonicalId)));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is empty or white space, both ids name the same record, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ValueTask<IdentityMergeResult> MergeAsync(string entityType, string survivorId, string mergedId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(survivorId);
        Guard.Against.NullOrWhiteSpace(mergedId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        var result = SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            var survivor = Resolve(connection, tx, entityType, survivorId);
            var merged = Resolve(connection, tx, entityType, mergedId);
            if (string.Equals(survivor, merged, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{mergedId}' and '{survivorId}' are already the same {entityType}.", nameof(mergedId));
            }

            var moved = Links(connection, tx, entityType, merged);
            using (var move = connection.Command(tx, "UPDATE cnx_identity_links SET canonical_id = $survivor WHERE entity_type = $entityType AND canonical_id = $merged;")
                .With("$entityType", entityType).With("$survivor", survivor).With("$merged", merged))
            {
                move.ExecuteNonQuery();
            }

            // Ids merged into the merged id earlier now point at the survivor directly, so resolving stays one hop.
            using (var repoint = connection.Command(tx, "UPDATE cnx_identity_merges SET survivor_id = $survivor WHERE entity_type = $entityType AND survivor_id = $merged;")
                .With("$entityType", entityType).With("$survivor", survivor).With("$merged", merged))
            {
                repoint.ExecuteNonQuery();
            }

            using (var record = connection.Command(tx, "INSERT INTO cnx_identity_merges (entity_type, merged_id, survivor_id, merged_at) VALUES ($entityType, $merged, $survivor, $now);")
                .With("$entityType", entityType).With("$survivor", survivor).With("$merged", merged).With("$now", now))
            {
                record.ExecuteNonQuery();
            }

            return new IdentityMergeResult(survivor, merged, moved);
        });
        return new(result);
    }

    private static string? FindLink(SqliteConnection connection, SqliteTransaction? tx, RemoteKey key)
    {
        using var select = connection.Command(tx, "SELECT canonical_id FROM cnx_identity_links WHERE system = $system AND entity_type = $entityType AND remote_id = $remoteId;")
            .WithKey(key);
        return select.ExecuteScalar() as string;
    }

    private static string Resolve(SqliteConnection connection, SqliteTransaction? tx, string entityType, string canonicalId)
    {
        using var select = connection.Command(tx, "SELECT survivor_id FROM cnx_identity_merges WHERE entity_type = $entityType AND merged_id = $id;")
            .With("$entityType", entityType);
        var id = select.Parameters.AddWithValue("$id", canonicalId);

        // Merges re-point earlier merges at the survivor, so this is one hop; the loop still follows a longer chain.
        var current = canonicalId;
        while (select.ExecuteScalar() is string survivor)
        {
            current = survivor;
            id.Value = survivor;
        }

        return current;
    }

    private static List<RemoteKey> Links(SqliteConnection connection, SqliteTransaction? tx, string entityType, string canonicalId)
    {
        using var select = connection.Command(tx, "SELECT system, remote_id FROM cnx_identity_links WHERE entity_type = $entityType AND canonical_id = $id ORDER BY system, remote_id;")
            .With("$entityType", entityType).With("$id", canonicalId);
        using var reader = select.ExecuteReader();
        var links = new List<RemoteKey>();
        while (reader.Read())
        {
            links.Add(new RemoteKey(reader.GetString(0), entityType, reader.GetString(1)));
        }

        return links;
    }
}
