using Connectivity.ChangeTracking;
using Connectivity.Core.Tests.ChangeTracking;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteEchoFingerprintStoreTests : EchoFingerprintStoreConformanceTests, IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ??= _file.Create(Time);

    public void Dispose() => _file.Dispose();

    protected override IEchoFingerprintStore CreateStore() =>
        new SqliteEchoFingerprintStore(Database, Options.Create(new EchoGuardOptions { TimeToLive = TimeSpan.FromMinutes(10), MaxFingerprintsPerRecord = 3 }), Time);
}
