using Connectivity.ChangeTracking;
using Connectivity.Core.Tests.ChangeTracking;
using Connectivity.Delivery;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteBaseSnapshotStoreTests : BaseSnapshotStoreConformanceTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ??= _file.Create(TimeProvider.System);

    public void Dispose() => _file.Dispose();

    protected override IBaseSnapshotStore CreateStore() => new SqliteBaseSnapshotStore(Database);

    protected override IStoreTransactionFactory CreateTransactionFactory() => new SqliteStoreTransactionFactory(Database);
}
