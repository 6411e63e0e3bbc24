using Connectivity.Delivery;
using Connectivity.Inbox;
using Microsoft.Extensions.Options;

namespace Connectivity.Core.Tests.Inbox;

public sealed class InMemoryInboxStoreTests : InboxStoreConformanceTests
{
    private InMemoryInboxStore? _store;

    protected override IInboxStore CreateStore(IOptions<InboxOptions> options) => _store ??= new InMemoryInboxStore(options, Time);

    protected override IStoreTransactionFactory CreateTransactionFactory() => new InMemoryStoreTransactionFactory();
}
