using Connectivity.Core.Tests.Idempotency;
using Connectivity.Idempotency;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteIdempotencyStoreTests : IdempotencyStoreConformanceTests
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    protected override IIdempotencyStore CreateStore(IOptions<IdempotencyOptions> options) =>
        new SqliteIdempotencyStore(_database ??= _file.Create(Time), options, Time);

    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }
}
