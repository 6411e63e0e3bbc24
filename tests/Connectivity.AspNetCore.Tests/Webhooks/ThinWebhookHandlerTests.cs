using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using Connectivity.AspNetCore.Webhooks;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Http.Paging;
using Connectivity.Connectors.Webhooks;
using Connectivity.Mapping;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.AspNetCore.Tests.Webhooks;

public sealed class ThinWebhookHandlerTests
{
    private static readonly string Secret = StandardWebhooksSigner.GenerateSecret();

    [Fact]
    public async Task HandleAsync_SignedThinWebhook_HandlerReceivesRefetchedMappedEntity()
    {
        await using var target = await StartAsync(app => app.MapGet("/customers/{id}", (string id) => id == "7"
            ? Results.Text("""{"id":"7","code":"C-7","name":" Acme "}""", "application/json")
            : Results.NotFound()));
        await using var receiver = await StartAsync(
            app => app.MapConnectivityWebhook("/webhooks/crm", WebhookTestHost.Source),
            services =>
            {
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(WebhookTestHost.Now));
                services.AddSingleton<ReceivedChanges>();
                services.AddTransient(sp => new CustomerReader(sp.GetRequiredKeyedService<ConnectorClient>("erp")));
                services.AddConnectivity()
                    .AddInMemoryStores()
                    .AddConnector<ErpConnector>("erp", o => o.BaseAddress = target.BaseAddress)
                    .AddWebhookReceiver<CustomerWebhookHandler>(WebhookTestHost.Source, o => o.StandardWebhooks.Secrets.Add(Secret));
            });
        using var client = new HttpClient { BaseAddress = receiver.BaseAddress };
        var body = Encoding.UTF8.GetBytes("""{"type":"customer.updated","data":{"id":"7"}}""");

        using var response = await client.SendAsync(WebhookTestHost.Request("msg_1", WebhookTestHost.Now, body, new StandardWebhooksSigner(Secret)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (webhookId, changes) = Assert.Single(receiver.Services.GetRequiredService<ReceivedChanges>().Deliveries);
        Assert.Equal("msg_1", webhookId);
        var change = Assert.Single(changes);
        Assert.Equal(EntityChangeKind.Upserted, change.Kind);
        Assert.Equal("7", change.RemoteId);
        Assert.Equal("C-7", change.Entity!.ExternalId);
        Assert.Equal("Acme", change.Entity.Name);
    }

    private static async Task<App> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new App(app);
    }

    private sealed class App(WebApplication app) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = new(app.Urls.Single() + "/");

        public IServiceProvider Services => app.Services;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

internal sealed class Customer
{
    public string? ExternalId { get; set; }

    public string? Name { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Customer))]
internal sealed partial class ThinWebhookTestJson : JsonSerializerContext;

internal sealed class ErpConnector(ConnectorClient client) : HttpConnector(client);

/// <summary>Reads customers by id from <c>/customers/{id}</c>; the change feed is not used here.</summary>
internal sealed class CustomerReader(ConnectorClient client) : EntityReader<Customer>(
    client,
    new MapBuilder("erp-customer-in").Field("externalId", r => r.Copy("code").Required()).Field("name", r => r.Copy("name").Trim().Required()).Build(),
    ThinWebhookTestJson.Default.Customer)
{
    protected override PagingStrategy Paging => throw new NotSupportedException();

    protected override Uri GetChangesUri(string? since) => throw new NotSupportedException();

    protected override Uri GetRecordUri(string remoteId) => new($"customers/{Uri.EscapeDataString(remoteId)}", UriKind.Relative);
}

internal sealed class ReceivedChanges
{
    public ConcurrentQueue<(string WebhookId, IReadOnlyList<EntityChange<Customer>> Changes)> Deliveries { get; } = new();
}

internal sealed class CustomerWebhookHandler(CustomerReader reader, ReceivedChanges received) : ThinWebhookHandler<Customer>(reader, "data.id")
{
    protected override ValueTask HandleAsync(VerifiedWebhook webhook, IReadOnlyList<EntityChange<Customer>> changes, CancellationToken cancellationToken)
    {
        received.Deliveries.Enqueue((webhook.WebhookId, changes));
        return ValueTask.CompletedTask;
    }
}
