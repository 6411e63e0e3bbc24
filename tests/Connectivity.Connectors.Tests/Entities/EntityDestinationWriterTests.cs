using System.Text.Json;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Tests.Http;
using Connectivity.Delivery;
using Connectivity.Identity;
using Connectivity.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Connectors.Tests.Entities;

public sealed class EntityDestinationWriterTests
{
    private static OutboxMessage Message(TestCustomer customer, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), "erp-customers", JsonSerializer.SerializeToUtf8Bytes(customer, EntityTestJson.Default.TestCustomer), entityKey: customer.ExternalId);

    private static OutboxDispatcher Dispatcher(InMemoryOutboxStore store, IDestinationWriter writer, TimeProvider time) =>
        new(store, [writer], Options.Create(new OutboxDispatcherOptions { BaseRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(1) }), time);

    [Theory]
    [InlineData(IdempotencyStrategy.IdempotencyKeyHeader)]
    [InlineData(IdempotencyStrategy.ReadBeforeCreate)]
    public async Task Dispatcher_CreateFailsAfterStoringThenRetried_DeliveredOnceAndLinked(IdempotencyStrategy strategy)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress, o => o.Resilience.MaxRetryAttempts = 0);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryOutboxStore(time);
        var identity = new InMemoryIdentityMap(TimeProvider.System);
        var observer = new LinkingObserver(identity);
        var dispatcher = Dispatcher(store, new EntityDestinationWriter<TestCustomer>("erp-customers", new CustomerWriter(provider.Client(), strategy), observer), time);
        var message = Message(new TestCustomer { ExternalId = "C-1", Name = "Acme" });
        await store.EnqueueAsync([message]);

        // With no retries in the call, the first attempt's stored-then-reset create is a transient failure (key) or settled by a lookup.
        system.FailNextCreates(CreateFault.ResetAfterStoring);
        var first = await dispatcher.RunOnceAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        var second = await dispatcher.RunOnceAsync();

        Assert.Equal(1, first.Delivered + second.Delivered);
        Assert.Equal(0, first.DeadLettered + second.DeadLettered);
        Assert.Equal(1, system.Creates);
        Assert.Equal(1, system.Count);
        Assert.Equal("C-1", await identity.FindAsync(new RemoteKey("erp", "customer", system.IdOf("C-1")!)));
        Assert.Equal(1, observer.Calls);
        if (strategy == IdempotencyStrategy.IdempotencyKeyHeader)
        {
            Assert.All(system.Server.Requests, r => Assert.Equal(message.Id.ToString("D"), r.IdempotencyKey));
        }
    }

    [Fact]
    public async Task Dispatcher_NoStrategyAmbiguousCreate_DeadLetteredWithCnx6003AndNotRetried()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryOutboxStore(time);
        var observer = new LinkingObserver(new InMemoryIdentityMap(TimeProvider.System));
        var dispatcher = Dispatcher(store, new EntityDestinationWriter<TestCustomer>("erp-customers", new CustomerWriter(provider.Client(), IdempotencyStrategy.None), observer), time);
        var message = Message(new TestCustomer { ExternalId = "C-1", Name = "Acme" });
        await store.EnqueueAsync([message]);
        system.FailNextCreates(CreateFault.ResetAfterStoring);

        var pass = await dispatcher.RunOnceAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        var later = await dispatcher.RunOnceAsync();

        Assert.Equal(1, pass.DeadLettered);
        Assert.Equal(0, later.Claimed);
        var dead = Assert.Single(await store.ListAsync());
        Assert.Equal(HttpErrorCodes.AmbiguousOutcome, dead.ErrorCode);
        Assert.Equal(["POST /customers"], system.Calls);
        Assert.Equal(0, observer.Calls);
    }

    [Fact]
    public async Task WriteAsync_PayloadNotTheEntity_PermanentUndeserializable()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        var writer = new EntityDestinationWriter<TestCustomer>("erp-customers", new CustomerWriter(provider.Client(), IdempotencyStrategy.UpsertByExternalKey));

        var result = await writer.WriteAsync(new OutboxMessage(Guid.NewGuid(), "erp-customers", "[1,2"u8.ToArray()), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(DeliveryErrorCodes.UndeserializablePayload, result.ErrorCode);
        Assert.Empty(system.Server.Requests);
    }

    /// <summary>Links the written record's remote id to the canonical id (here the external id) in the identity map.</summary>
    private sealed class LinkingObserver(IIdentityMap identity) : IEntityWriteObserver<TestCustomer>
    {
        private int _calls;

        public int Calls => _calls;

        public async ValueTask OnWrittenAsync(OutboxMessage message, TestCustomer entity, EntityWriteResult result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var link = await identity.LinkAsync(new RemoteKey("erp", "customer", result.RemoteId!), entity.ExternalId!, cancellationToken: cancellationToken);
            Assert.NotEqual(IdentityLinkResult.LinkedElsewhere, link);
        }
    }
}
