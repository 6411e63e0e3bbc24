using Connectivity.Core.Tests.Inbox;
using Connectivity.Delivery;
using Connectivity.Inbox;
using Microsoft.Extensions.Options;

namespace Connectivity.Storage.Sqlite.Tests;

public sealed class SqliteInboxStoreTests : InboxStoreConformanceTests
{
    private readonly SqliteTestDatabase _file = new();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database ??= _file.Create(Time);

    protected override IInboxStore CreateStore(IOptions<InboxOptions> options) => new SqliteInboxStore(Database, options, Time);

    protected override IStoreTransactionFactory CreateTransactionFactory() => new SqliteStoreTransactionFactory(Database);

    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }
}
