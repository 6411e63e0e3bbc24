using System.Text;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Tests.Entities;
using Connectivity.Connectors.Tests.Http;
using Connectivity.Connectors.Webhooks;

namespace Connectivity.Connectors.Tests.Webhooks;

public sealed class ThinWebhookReaderTests
{
    [Fact]
    public async Task ReadAsync_SingleId_RecordRefetchedAndMapped()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        await EntityReaderReadByIdTests.Seed(provider.Client(), new TestCustomer { ExternalId = "C-1", Name = "Acme" });
        var id = system.IdOf("C-1")!;
        var reader = new ThinWebhookReader<TestCustomer>(new CustomerReader(provider.Client()), "data.id");

        var changes = await reader.ReadAsync(Encoding.UTF8.GetBytes($$$"""{"type":"customer.updated","data":{"id":"{{{id}}}"}}"""));

        var change = Assert.Single(changes);
        Assert.Equal(EntityChangeKind.Upserted, change.Kind);
        Assert.Equal("Acme", change.Entity!.Name);
    }

    [Fact]
    public async Task ReadAsync_IdArrayWithUnknownAndRepeatedIds_EachDistinctIdFetchedOnceFailuresAsValues()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        await EntityReaderReadByIdTests.Seed(provider.Client(), new TestCustomer { ExternalId = "C-1", Name = "Acme" });
        await EntityReaderReadByIdTests.Seed(provider.Client(), new TestCustomer { ExternalId = "C-2", Name = "Globex" });
        var (one, two) = (system.IdOf("C-1")!, system.IdOf("C-2")!);
        var reader = new ThinWebhookReader<TestCustomer>(new CustomerReader(provider.Client()), "ids[*]");

        var changes = await reader.ReadAsync(Encoding.UTF8.GetBytes($$"""{"ids":[{{one}},"999","{{two}}","{{one}}"]}"""));

        Assert.Equal([one, "999", two], changes.Select(c => c.RemoteId));
        Assert.Equal([EntityChangeKind.Upserted, EntityChangeKind.Failed, EntityChangeKind.Upserted], changes.Select(c => c.Kind));
        Assert.Equal(EntityErrorCodes.RecordNotFound, Assert.Single(changes[1].Errors).Code);
        Assert.Equal("Globex", changes[2].Entity!.Name);
    }

    [Theory]
    [InlineData("data.id", "not json")]
    [InlineData("data.id", """{"data":{}}""")]
    [InlineData("data.id", """{"data":{"id":"  "}}""")]
    [InlineData("data.id", """{"data":{"id":{"nested":1}}}""")]
    [InlineData("ids[*]", """{"ids":[]}""")]
    [InlineData("ids[*]", """{"ids":"1"}""")]
    [InlineData("data[*].id", """{"data":[{"id":"1"},{}]}""")]
    public async Task ReadAsync_BodyNamesNoId_OneFailureAndNoCall(string idPath, string body)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        var reader = new ThinWebhookReader<TestCustomer>(new CustomerReader(provider.Client()), idPath);

        var changes = await reader.ReadAsync(Encoding.UTF8.GetBytes(body));

        var change = Assert.Single(changes);
        Assert.Equal(EntityChangeKind.Failed, change.Kind);
        Assert.Null(change.RemoteId);
        Assert.Equal(EntityErrorCodes.WebhookRecordIdMissing, Assert.Single(change.Errors).Code);
        Assert.Empty(system.Server.Requests);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public async Task ReadAsync_IdsAgainstTheCap_FetchedUpToItAndOneFailureBeyond(int named, int maxIds)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = TestConnectors.Build(system.Server.BaseAddress);
        var reader = new ThinWebhookReader<TestCustomer>(new CustomerReader(provider.Client()), "ids[*]", maxIds);
        var body = Encoding.UTF8.GetBytes($$"""{"ids":[{{string.Join(",", Enumerable.Range(1, named).Select(i => $"\"{i}\""))}}]}""");

        var changes = await reader.ReadAsync(body);

        if (named <= maxIds)
        {
            Assert.Equal(named, changes.Count);
            Assert.Equal(named, system.Server.Requests.Count);
            return;
        }

        var change = Assert.Single(changes);
        Assert.Equal(EntityChangeKind.Failed, change.Kind);
        var error = Assert.Single(change.Errors);
        Assert.Equal(EntityErrorCodes.WebhookTooManyRecordIds, error.Code);
        Assert.Contains($"more than {maxIds} record ids", error.Message, StringComparison.Ordinal);
        Assert.Empty(system.Server.Requests);
    }

    [Fact]
    public async Task Constructor_CapBelowOne_Throws()
    {
        await using var provider = TestConnectors.Build(new Uri("http://127.0.0.1:9/"));
        var reader = new CustomerReader(provider.Client());

        Assert.Throws<ArgumentOutOfRangeException>(() => new ThinWebhookReader<TestCustomer>(reader, "ids[*]", 0));
    }

    [Theory]
    [InlineData("ids[*][*]")]
    [InlineData("ids[*]id")]
    public async Task Constructor_BadIdPath_Throws(string idPath)
    {
        await using var provider = TestConnectors.Build(new Uri("http://127.0.0.1:9/"));
        var reader = new CustomerReader(provider.Client());

        Assert.Throws<ArgumentException>(() => new ThinWebhookReader<TestCustomer>(reader, idPath));
    }
}
