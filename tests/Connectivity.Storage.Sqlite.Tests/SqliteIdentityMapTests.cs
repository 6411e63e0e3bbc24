using Connectivity.Identity;
using Connectivity.Core.Tests.Identity;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteIdentityMapTests : IdentityMapConformanceTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ??= _file.Create(TimeProvider.System);

    public void Dispose() => _file.Dispose();

    protected override IIdentityMap CreateMap() => new SqliteIdentityMap(Database, TimeProvider.System);
}
