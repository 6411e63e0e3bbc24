using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.Storage.Sqlite;

/// <summary>Starts <see cref="SqliteStoreTransaction"/>s on the store's file.</summary>
public sealed class SqliteStoreTransactionFactory : IStoreTransactionFactory
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new factory.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteStoreTransactionFactory(SqliteDatabase database)
    {
        _database = Guard.Against.Null(database);
    }

    /// <inheritdoc />
    public async ValueTask<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await _database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteStoreTransaction.BeginAsync(_database, cancellationToken).ConfigureAwait(false);
    }
}
