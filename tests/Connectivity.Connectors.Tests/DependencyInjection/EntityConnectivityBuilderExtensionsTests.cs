using System.Text.Json;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Tests.Entities;
using Connectivity.Connectors.Tests.Http;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Connectors.Tests.DependencyInjection;

public sealed class EntityConnectivityBuilderExtensionsTests
{
    private const string Destination = "erp-customers";

    [Fact]
    public async Task AddEntityWriter_CalledTwice_OneDestinationWriterThatTheDispatcherDeliversThrough()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        var observer = new CountingObserver();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress, services: services =>
        {
            services.AddSingleton<IEntityWriteObserver<TestCustomer>>(observer);
            services.AddConnectivity()
                .AddInMemoryStores()
                .AddOutboxDispatcher()
                .AddEntityWriter<UpsertingCustomerWriter, TestCustomer>(Destination, "erp")
                .AddEntityWriter<UpsertingCustomerWriter, TestCustomer>(Destination, "erp");
        });

        var writer = Assert.Single(provider.GetServices<IDestinationWriter>());
        Assert.Equal(Destination, writer.Destination);
        Assert.IsType<UpsertingCustomerWriter>(Assert.IsType<EntityDestinationWriter<TestCustomer>>(writer).Writer);

        var customer = new TestCustomer { ExternalId = "C-1", Name = "Acme" };
        await provider.GetRequiredService<IOutboxStore>().EnqueueAsync(
            [new OutboxMessage(Guid.NewGuid(), Destination, JsonSerializer.SerializeToUtf8Bytes(customer, EntityTestJson.Default.TestCustomer))]);
        var pass = await provider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();

        Assert.Equal(1, pass.Delivered);
        Assert.NotNull(system.IdOf("C-1"));
        Assert.Equal(["PUT /customers/by-code/C-1"], system.Calls);
        Assert.Equal(1, observer.Calls);
    }

    [Fact]
    public void AddEntityWriter_SameDestinationOtherConnector_Throws()
    {
        var builder = new ServiceCollection().AddConnectivity().AddEntityWriter<UpsertingCustomerWriter, TestCustomer>(Destination, "erp");

        Assert.Throws<ArgumentException>(() => builder.AddEntityWriter<UpsertingCustomerWriter, TestCustomer>(Destination, "crm"));
    }

    /// <summary>Built by DI from the connector's client alone.</summary>
    private sealed class UpsertingCustomerWriter(ConnectorClient client)
        : EntityWriter<TestCustomer>(client, CustomerMaps.Outbound, EntityTestJson.Default.TestCustomer)
    {
        public override IdempotencyStrategy Strategy => IdempotencyStrategy.UpsertByExternalKey;

        protected override HttpRequestMessage CreateUpsertRequest(TestCustomer entity, ReadOnlyMemory<byte> payload) =>
            new(HttpMethod.Put, $"customers/by-code/{Uri.EscapeDataString(entity.ExternalId!)}") { Content = CreateJsonContent(payload) };
    }

    private sealed class CountingObserver : IEntityWriteObserver<TestCustomer>
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask OnWrittenAsync(OutboxMessage message, TestCustomer entity, EntityWriteResult result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.CompletedTask;
        }
    }
}
