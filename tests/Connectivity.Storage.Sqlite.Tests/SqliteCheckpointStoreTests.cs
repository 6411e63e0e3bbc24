using Connectivity.Checkpoints;
using Connectivity.Core.Tests.Checkpoints;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteCheckpointStoreTests : CheckpointStoreConformanceTests
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    protected override ICheckpointStore CreateStore() => new SqliteCheckpointStore(_database ??= _file.Create(Time), Time);

    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }
}
