using Connectivity.Delivery;
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

    protected override IStoreTransactionFactory CreateTransactionFactory() => new SqliteStoreTransactionFactory(Database);

    [Fact]
    public async Task GetOrCreateAsync_TwoDatabaseHandlesRacing_OneCanonicalIdPerRemoteId()
    {
        const int remoteIds = 2_000;
        var maps = new[] { CreateMap(), new SqliteIdentityMap(_file.Create(TimeProvider.System), TimeProvider.System) };
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
        {
            var map = maps[caller % maps.Length];
            var mine = new IdentityResolution[remoteIds];
            for (var i = 0; i < remoteIds; i++)
            {
                var id = (i + (caller * remoteIds / 4)) % remoteIds;
                mine[id] = await map.GetOrCreateAsync(new RemoteKey("crm", "customer", $"R{id}"));
            }

            return mine;
        })));

        for (var id = 0; id < remoteIds; id++)
        {
            Assert.Single(results.Select(r => r[id].CanonicalId).Distinct());
            Assert.Equal(1, results.Count(r => r[id].Created));
        }
    }
}
