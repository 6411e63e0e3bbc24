using Connectivity.Checkpoints;
using Connectivity.Testing.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Testing.Tests.Stores;

public sealed class SqliteTestDatabaseTests
{
    [Fact]
    public async Task AddTo_GivesDurableStoresOnItsOwnFile_DeletedOnDispose()
    {
        string path;
        using (var database = new SqliteTestDatabase(nameof(AddTo_GivesDurableStoresOnItsOwnFile_DeletedOnDispose)))
        {
            path = database.Path;
            var services = new ServiceCollection();
            database.AddTo(services.AddConnectivity());
            await using (var provider = services.BuildServiceProvider())
            {
                var checkpoints = provider.GetRequiredService<ICheckpointStore>();
                await checkpoints.SaveAsync(new CheckpointKey("crm", "accounts", "0"), "2026-01-01T00:00:00Z|001");

                Assert.Equal("2026-01-01T00:00:00Z|001", (await checkpoints.GetAsync(new CheckpointKey("crm", "accounts", "0")))!.Cursor);
            }

            Assert.True(File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }
}
