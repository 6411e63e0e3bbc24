using Connectivity.Mapping;
using Connectivity.Samples.ProjectLifecycle.Maps;
using Connectivity.Sync;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>Which table of which system carries which canonical entity, and how the flow moves each entity.</summary>
internal static class Routes
{
    /// <summary>A table of a system that carries an entity type, read with an inbound map.</summary>
    public sealed record Inbound(string System, string Table, string EntityType, CompiledMap Map)
    {
        public string IdField => System switch { SystemNames.Crm => "Id", SystemNames.Erp => "id", _ => "sys_id" };

        /// <summary>The field where Connectivity writes its canonical id when it creates the record.</summary>
        public string HintField => System switch { SystemNames.Crm => "Connectivity_Id__c", SystemNames.Erp => "externalNo", _ => "u_connectivity_id" };
    }

    public static IReadOnlyList<Inbound> All { get; } =
    [
        new(SystemNames.Crm, "Account", "customer", CrmMaps.CustomerIn),
        new(SystemNames.Crm, "Opportunity", "project", CrmMaps.ProjectIn),
        new(SystemNames.Crm, "Opportunity", "contract", CrmMaps.ContractIn),
        new(SystemNames.Crm, "Invoice__c", "invoice", CrmMaps.InvoiceIn),
        new(SystemNames.Erp, "customers", "customer", ErpMaps.CustomerIn),
        new(SystemNames.Erp, "projects", "project", ErpMaps.ProjectIn),
        new(SystemNames.Erp, "contracts", "contract", ErpMaps.ContractIn),
        new(SystemNames.Erp, "entitlements", "entitlement", ErpMaps.EntitlementIn),
        new(SystemNames.Erp, "assets", "asset", ErpMaps.AssetIn),
        new(SystemNames.Erp, "workOrders", "workOrder", ErpMaps.WorkOrderIn),
        new(SystemNames.Erp, "salesInvoices", "invoice", ErpMaps.InvoiceIn),
        new(SystemNames.Service, "core_company", "customer", ServiceMaps.CustomerIn),
        new(SystemNames.Service, "pm_project", "project", ServiceMaps.ProjectIn),
        new(SystemNames.Service, "ast_contract", "contract", ServiceMaps.ContractIn),
        new(SystemNames.Service, "service_entitlement", "entitlement", ServiceMaps.EntitlementIn),
        new(SystemNames.Service, "alm_asset", "asset", ServiceMaps.AssetIn),
        new(SystemNames.Service, "wm_order", "workOrder", ServiceMaps.WorkOrderIn),
    ];

    /// <summary>Outbound: entity type, receiving system, and the destination name of the entity writer.</summary>
    public static IReadOnlyList<(string EntityType, string System, string Writer, CompiledMap Map)> Outbound { get; } =
    [
        ("customer", SystemNames.Crm, "crm-accounts", CrmMaps.CustomerOut),
        ("customer", SystemNames.Erp, "erp-customers", ErpMaps.CustomerOut),
        ("customer", SystemNames.Service, "service-companies", ServiceMaps.CustomerOut),
        ("project", SystemNames.Crm, "crm-opportunity-projects", CrmMaps.ProjectOut),
        ("project", SystemNames.Erp, "erp-projects", ErpMaps.ProjectOut),
        ("project", SystemNames.Service, "service-projects", ServiceMaps.ProjectOut),
        ("contract", SystemNames.Crm, "crm-opportunity-contracts", CrmMaps.ContractOut),
        ("contract", SystemNames.Erp, "erp-contracts", ErpMaps.ContractOut),
        ("contract", SystemNames.Service, "service-contracts", ServiceMaps.ContractOut),
        ("entitlement", SystemNames.Service, "service-entitlements", ServiceMaps.EntitlementOut),
        ("asset", SystemNames.Service, "service-assets", ServiceMaps.AssetOut),
        ("workOrder", SystemNames.Erp, "erp-work-orders", ErpMaps.WorkOrderOut),
        ("invoice", SystemNames.Crm, "crm-invoices", CrmMaps.InvoiceOut),
    ];

    /// <summary>Fields that name other records.</summary>
    public static IReadOnlyList<(string EntityType, string Field, string Referenced)> References { get; } =
    [
        ("project", "customerId", "customer"),
        ("contract", "customerId", "customer"),
        ("contract", "projectId", "project"),
        ("entitlement", "customerId", "customer"),
        ("entitlement", "contractId", "contract"),
        ("entitlement", "assetId", "asset"),
        ("asset", "customerId", "customer"),
        ("asset", "projectId", "project"),
        ("workOrder", "customerId", "customer"),
        ("workOrder", "projectId", "project"),
        ("workOrder", "assetId", "asset"),
        ("invoice", "customerId", "customer"),
        ("invoice", "projectId", "project"),
        ("invoice", "workOrderId", "workOrder"),
    ];

    public static void Describe(SyncFlowBuilder flow)
    {
        foreach (var entityType in All.Select(static r => r.EntityType).Distinct())
        {
            flow.Entity(entityType, e =>
            {
                foreach (var route in All.Where(r => r.EntityType == entityType))
                {
                    e.From(route.System, route.Map);
                }

                foreach (var (_, system, writer, map) in Outbound.Where(o => o.EntityType == entityType))
                {
                    e.To(system, writer, map);
                }

                foreach (var (_, field, referenced) in References.Where(r => r.EntityType == entityType))
                {
                    e.Reference(field, referenced);
                }
            });
        }
    }
}
