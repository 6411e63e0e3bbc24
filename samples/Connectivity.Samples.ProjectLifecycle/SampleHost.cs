using System.Net;
using Connectivity.Canonical;
using Connectivity.Connectors.Webhooks;
using Connectivity.Samples.ProjectLifecycle.Connectors;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>The generic host: Connectivity with SQLite stores, three connectors, entity writers, the sync flow, the dispatcher and webhook endpoints.</summary>
internal static class SampleHost
{
    public static WebApplication Build(SampleSystems systems, string dataDirectory, SampleStats stats, IReadOnlyDictionary<string, string> webhookSecrets, bool verbose)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(static o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Connectivity.Delivery", verbose ? LogLevel.Information : LogLevel.Error);
        builder.Logging.AddFilter("Connectivity.Connectors", verbose ? LogLevel.Information : LogLevel.Error);
        builder.Logging.AddFilter("Connectivity.Sync", verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Error);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Error);
        builder.WebHost.UseKestrel(static o => o.Listen(IPAddress.Loopback, 0));

        builder.Services.AddSingleton(stats);
        builder.Services.AddConnectivity()
            .AddSqliteStores(Path.Combine(dataDirectory, "connectivity.db"), static o => o.Synchronous = Connectivity.Storage.Sqlite.SqliteSynchronousMode.Normal)
            .AddOwnershipPolicy(SamplePolicy.Instance)
            .AddConnector<CrmConnector>(SystemNames.Crm, o => o.BaseAddress = systems.Crm.ApiRoot)
            .AddConnector<ErpConnector>(SystemNames.Erp, o => o.BaseAddress = systems.Erp.ApiRoot)
            .AddConnector<ServiceConnector>(SystemNames.Service, o => o.BaseAddress = systems.Service.ApiRoot)
            .AddEntityWriter<CrmAccountWriter, Customer>("crm-accounts", SystemNames.Crm)
            .AddEntityWriter<CrmOpportunityProjectWriter, Project>("crm-opportunity-projects", SystemNames.Crm)
            .AddEntityWriter<CrmOpportunityContractWriter, Contract>("crm-opportunity-contracts", SystemNames.Crm)
            .AddEntityWriter<CrmInvoiceWriter, Invoice>("crm-invoices", SystemNames.Crm)
            .AddEntityWriter<ErpCustomerWriter, Customer>("erp-customers", SystemNames.Erp)
            .AddEntityWriter<ErpProjectWriter, Project>("erp-projects", SystemNames.Erp)
            .AddEntityWriter<ErpContractWriter, Contract>("erp-contracts", SystemNames.Erp)
            .AddEntityWriter<ErpWorkOrderWriter, WorkOrder>("erp-work-orders", SystemNames.Erp)
            .AddEntityWriter<ServiceCompanyWriter, Customer>("service-companies", SystemNames.Service)
            .AddEntityWriter<ServiceProjectWriter, Project>("service-projects", SystemNames.Service)
            .AddEntityWriter<ServiceContractWriter, Contract>("service-contracts", SystemNames.Service)
            .AddEntityWriter<ServiceEntitlementWriter, Entitlement>("service-entitlements", SystemNames.Service)
            .AddEntityWriter<ServiceAssetWriter, Asset>("service-assets", SystemNames.Service)
            .AddSyncFlow(Routes.Describe)
            .AddOutboxDispatcher(static o =>
            {
                o.Owner = "sample-host"; // the same after a restart, so the leases of a killed run are released at once
                o.PollInterval = TimeSpan.FromMilliseconds(20);
                o.BaseRetryDelay = TimeSpan.FromMilliseconds(100);
                o.MaxRetryDelay = TimeSpan.FromSeconds(2);
                o.MaxAttempts = 40;                    // a child waiting for its parent asks for longer waits as it ages (up to 30 s)
                o.MaxConcurrentDeliveries = 32;
                o.BatchSize = 64;
            })
            .AddRetentionPurge() // expired inbox marks, idempotency keys and echo fingerprints deleted every 5 minutes
            .AddWebhookReceiver<CrmWebhookHandler>(SystemNames.Crm, o => o.StandardWebhooks.Secrets.Add(webhookSecrets[SystemNames.Crm]))
            .AddWebhookReceiver<ErpWebhookHandler>(SystemNames.Erp, o => o.StandardWebhooks.Secrets.Add(webhookSecrets[SystemNames.Erp]))
            .AddWebhookReceiver<ServiceWebhookHandler>(SystemNames.Service, o => o.StandardWebhooks.Secrets.Add(webhookSecrets[SystemNames.Service]));

        var app = builder.Build();
        app.MapConnectivityWebhook("/webhooks/crm", SystemNames.Crm);
        app.MapConnectivityWebhook("/webhooks/erp", SystemNames.Erp);
        app.MapConnectivityWebhook("/webhooks/service", SystemNames.Service);
        return app;
    }

    /// <summary>Points every simulated system's webhooks at the running host.</summary>
    public static void Subscribe(WebApplication app, SampleSystems systems, IReadOnlyDictionary<string, string> webhookSecrets)
    {
        var address = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        foreach (var system in new[] { SystemNames.Crm, SystemNames.Erp, SystemNames.Service })
        {
            systems[system].Subscribe(new Uri(address, $"webhooks/{system}"), webhookSecrets[system]);
        }
    }

    public static IReadOnlyDictionary<string, string> NewSecrets() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SystemNames.Crm] = StandardWebhooksSigner.GenerateSecret(),
        [SystemNames.Erp] = StandardWebhooksSigner.GenerateSecret(),
        [SystemNames.Service] = StandardWebhooksSigner.GenerateSecret(),
    };
}
