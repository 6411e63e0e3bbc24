using Connectivity.Checkpoints;

namespace Connectivity.Core.Tests.Checkpoints;

public sealed class InMemoryCheckpointStoreTests : CheckpointStoreConformanceTests
{
    private InMemoryCheckpointStore? _store;

    protected override ICheckpointStore CreateStore() => _store ??= new InMemoryCheckpointStore(Time);
}
