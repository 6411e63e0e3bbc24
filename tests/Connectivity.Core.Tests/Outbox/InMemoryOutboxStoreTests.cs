using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.Outbox;

namespace Connectivity.Core.Tests.Outbox;

public sealed class InMemoryOutboxStoreTests : OutboxStoreConformanceTests
{
    private InMemoryOutboxStore? _store;
    private InMemoryCheckpointStore? _checkpoints;

    protected override IOutboxStore CreateStore() => _store ??= new InMemoryOutboxStore(Time);

    protected override IStoreTransactionFactory CreateTransactionFactory() => new InMemoryStoreTransactionFactory();

    protected override ICheckpointStore CreateCheckpointStore() => _checkpoints ??= new InMemoryCheckpointStore(Time);

    [Fact]
    public async Task Enqueue_DuplicateId_Throws()
    {
        var store = CreateStore();
        var message = Message();
        await store.EnqueueAsync([message]);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.EnqueueAsync([message]));
    }
}
