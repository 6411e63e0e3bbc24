using System.Text;
using Connectivity.ChangeTracking;
using Connectivity.Idempotency;
using Connectivity.Inbox;
using Connectivity.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Storage.Sqlite.Tests;

/// <summary>The retention purge over the SQLite stores: every expiring table is found and its expired rows deleted.</summary>
public sealed class SqliteRetentionPurgeTests : IDisposable
{
    private readonly SqliteTestDatabase _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PurgeAsync_SqliteStores_ExpiredRowsOfInboxIdempotencyAndEchoTablesDeleted()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddConnectivity().AddSqliteStores(_file.DatabasePath).AddRetentionPurge(o => o.BatchSize = 2);
        await using var provider = services.BuildServiceProvider();
        // Only the schema set-up: the purge's own hosted service would race this test's calls when the clock moves.
        foreach (var hosted in provider.GetServices<IHostedService>().Where(h => h.GetType().Name != "RetentionPurgeHostedService"))
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var inbox = provider.GetRequiredService<IInboxStore>();
        for (var i = 0; i < 3; i++)
        {
            await inbox.TryAcceptAsync("crm", $"old-{i}");
        }

        var idempotency = provider.GetRequiredService<IIdempotencyStore>();
        var key = await idempotency.TryBeginAsync("old-key", "fp");
        Assert.True(await idempotency.CompleteAsync("old-key", key.LeaseToken!, Encoding.UTF8.GetBytes("{}")));
        await provider.GetRequiredService<IEchoFingerprintStore>().AddAsync(new EchoFingerprint(new RecordKey("erp", "customer", "c1"), ["name"], 42, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromDays(400));
        await inbox.TryAcceptAsync("crm", "fresh");
        var purger = provider.GetRequiredService<RetentionPurger>();

        var results = await purger.PurgeAsync();

        Assert.Equal(
            [(nameof(SqliteInboxStore), 3), (nameof(SqliteIdempotencyStore), 1), (nameof(SqliteEchoFingerprintStore), 1)],
            results.Select(r => (r.Store, r.Deleted)));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(InboxOutcome.Duplicate, (await inbox.TryAcceptAsync("crm", "fresh")).Outcome);
        Assert.All(await purger.PurgeAsync(), r => Assert.Equal(0, r.Deleted));
    }

    public void Dispose() => _file.Dispose();
}
