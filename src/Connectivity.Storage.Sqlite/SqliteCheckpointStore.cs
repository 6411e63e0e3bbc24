using Ardalis.GuardClauses;
using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.Storage.Sqlite.Internal;

namespace Connectivity.Storage.Sqlite;

/// <summary>An <see cref="ICheckpointStore"/> in SQLite, saving in the caller's transaction when given.</summary>
public sealed class SqliteCheckpointStore : ICheckpointStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new store.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SqliteCheckpointStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        _database = Guard.Against.Null(database);
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value.</exception>
    public ValueTask<Checkpoint?> GetAsync(CheckpointKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var checkpoint = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, "SELECT cursor, updated_at FROM cnx_checkpoints WHERE connector = $connector AND stream = $stream AND partition = $partition;")
                .With("$connector", key.Connector).With("$stream", key.Stream).With("$partition", key.Partition);
            using var reader = select.ExecuteReader();
            return reader.Read() ? new Checkpoint(key, reader.GetString(0), SqliteTime.FromTicks(reader.GetInt64(1))) : null;
        });
        return new ValueTask<Checkpoint?>(checkpoint);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not a <see cref="SqliteStoreTransaction"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="cursor"/> is <see langword="null"/>.</exception>
    public ValueTask SaveAsync(CheckpointKey key, string cursor, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.Null(cursor);
        cancellationToken.ThrowIfCancellationRequested();
        var now = SqliteTime.ToTicks(_timeProvider.GetUtcNow());
        SqliteWork.Write(_database, transaction, (connection, tx) =>
        {
            using var upsert = connection.Command(tx, """
                INSERT INTO cnx_checkpoints (connector, stream, partition, cursor, updated_at) VALUES ($connector, $stream, $partition, $cursor, $now)
                ON CONFLICT (connector, stream, partition) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at;
                """).With("$connector", key.Connector).With("$stream", key.Stream).With("$partition", key.Partition).With("$cursor", cursor).With("$now", now);
            return upsert.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="connector"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="connector"/> is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string connector, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(connector);
        cancellationToken.ThrowIfCancellationRequested();
        var list = SqliteWork.Read(_database, connection =>
        {
            using var select = connection.Command(null, "SELECT stream, partition, cursor, updated_at FROM cnx_checkpoints WHERE connector = $connector ORDER BY stream, partition;")
                .With("$connector", connector);
            using var reader = select.ExecuteReader();
            var result = new List<Checkpoint>();
            while (reader.Read())
            {
                result.Add(new Checkpoint(new CheckpointKey(connector, reader.GetString(0), reader.GetString(1)), reader.GetString(2), SqliteTime.FromTicks(reader.GetInt64(3))));
            }

            return result;
        });
        return new ValueTask<IReadOnlyList<Checkpoint>>(list);
    }
}
