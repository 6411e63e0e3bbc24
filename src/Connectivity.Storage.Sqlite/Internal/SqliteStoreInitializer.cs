using Microsoft.Extensions.Hosting;

namespace Connectivity.Storage.Sqlite.Internal;

/// <summary>Creates or migrates the database when the host starts, so a broken file fails the start rather than the first message.</summary>
internal sealed class SqliteStoreInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
