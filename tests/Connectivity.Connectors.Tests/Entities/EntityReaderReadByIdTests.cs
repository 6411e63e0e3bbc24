using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Tests.Http;

namespace Connectivity.Connectors.Tests.Entities;

public sealed class EntityReaderReadByIdTests
{
    [Fact]
    public async Task ReadByIdAsync_RecordExists_UpsertedAndMapped()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        await Seed(provider.Client(), new TestCustomer { ExternalId = "C-1", Name = "Acme", CreditLimit = 12.5m });
        var id = system.IdOf("C-1")!;

        var change = await new CustomerReader(provider.Client()).ReadByIdAsync(id);

        Assert.Equal(EntityChangeKind.Upserted, change.Kind);
        Assert.Equal(id, change.RemoteId);
        Assert.Equal("C-1", change.Entity!.ExternalId);
        Assert.Equal("Acme", change.Entity.Name);
        Assert.Equal(12.5m, change.Entity.CreditLimit);
        Assert.Contains($"GET /customers/{id}", system.Calls);
    }

    [Fact]
    public async Task ReadByIdAsync_RecordMissing_FailedWithRecordNotFound()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);

        var change = await new CustomerReader(provider.Client()).ReadByIdAsync("404");

        Assert.Equal(EntityChangeKind.Failed, change.Kind);
        Assert.Equal("404", change.RemoteId);
        Assert.Equal(EntityErrorCodes.RecordNotFound, Assert.Single(change.Errors).Code);
    }

    [Fact]
    public async Task ReadByIdAsync_ReaderWithoutRecordUri_ThrowsNotSupported()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);

        await Assert.ThrowsAsync<NotSupportedException>(async () => await new ChangesOnlyReader(provider.Client()).ReadByIdAsync("1"));
    }

    internal static async Task Seed(ConnectorClient client, TestCustomer customer)
    {
        var result = await new CustomerWriter(client, IdempotencyStrategy.UpsertByExternalKey).UpsertAsync(customer, Guid.NewGuid().ToString("D"));
        Assert.True(result.IsSuccess, result.ToString());
    }

    private sealed class ChangesOnlyReader(ConnectorClient client)
        : EntityReader<TestCustomer>(client, CustomerMaps.Inbound, EntityTestJson.Default.TestCustomer)
    {
        protected override Connectivity.Connectors.Http.Paging.PagingStrategy Paging => throw new NotSupportedException();

        protected override Uri GetChangesUri(string? since) => new("changes", UriKind.Relative);
    }
}
