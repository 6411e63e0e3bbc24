using Connectivity.Mapping;
using static Connectivity.Samples.ProjectLifecycle.Maps.MapKit;

namespace Connectivity.Samples.ProjectLifecycle.Maps;

/// <summary>
/// The service platform (ServiceNow style): every value is a string, "" is empty, references are sys_ids, and
/// <c>sys_mod_count</c> orders a record's versions (its timestamps have whole seconds only).
/// </summary>
internal static class ServiceMaps
{
    public static CompiledMap CustomerIn { get; } = new MapBuilder("service-company-to-customer").From("service", "core_company").To("connectivity", "customer")
        .WithOptions(Inbound)
        .Field("name", r => r.Copy("name").Required())
        .Field("number", r => r.Copy("u_erp_number"))
        .Field("phone", r => r.Copy("phone"))
        .Field("website", r => r.Copy("website"))
        .Field("billingAddress", r => r.ObjectWith(o => o
            .Field("lines", f => f.Array(i => i.Copy("street")))
            .Field("city", f => f.Copy("city"))
            .Field("postalCode", f => f.Copy("zip"))
            .Field("countryCode", f => f.Copy("country"))))
        .Field("version", r => r.Copy("sys_mod_count").AsInteger())
        .Build(CanonicalTargets());

    public static CompiledMap CustomerOut { get; } = new MapBuilder("customer-to-service-company").From("connectivity", "customer").To("service", "core_company")
        .Field("u_connectivity_id", r => r.Copy("id"))
        .Field("name", r => r.Copy("name"))
        .Field("u_erp_number", r => r.Copy("number"))
        .Field("phone", r => r.Copy("phone"))
        .Field("website", r => r.Copy("website"))
        .Field("street", r => r.Copy("billingAddress.lines[0]"))
        .Field("city", r => r.Copy("billingAddress.city"))
        .Field("zip", r => r.Copy("billingAddress.postalCode"))
        .Field("country", r => r.Copy("billingAddress.countryCode"))
        .Build(OwnershipChecked());

    public static CompiledMap ProjectIn { get; } = new MapBuilder("service-project-to-project").From("service", "pm_project").To("connectivity", "project")
        .WithOptions(Inbound)
        .Field("name", r => r.Copy("short_description").Required())
        .Field("number", r => r.Copy("u_erp_number"))
        .Field("customerId", r => r.Copy("company").Required())
        .Field("stage", r => r.Copy("u_stage"))
        .Field("substantiallyCompletedOn", r => r.Copy("u_substantially_complete").AsDate())
        .Field("version", r => r.Copy("sys_mod_count").AsInteger())
        .Build(CanonicalTargets());

    public static CompiledMap ProjectOut { get; } = new MapBuilder("project-to-service-project").From("connectivity", "project").To("service", "pm_project")
        .Field("u_connectivity_id", r => r.Copy("id"))
        .Field("short_description", r => r.Copy("name"))
        .Field("u_erp_number", r => r.Copy("number"))
        .Field("company", r => r.Copy("customerId"))
        .Field("u_stage", r => r.Copy("stage"))
        .Field("u_substantially_complete", r => r.Copy("substantiallyCompletedOn"))
        .Build(OwnershipChecked());

    public static CompiledMap ContractIn { get; } = new MapBuilder("service-contract-to-contract").From("service", "ast_contract").To("connectivity", "contract")
        .WithOptions(Inbound)
        .Field("title", r => r.Copy("short_description"))
        .Field("customerId", r => r.Copy("company").Required())
        .Field("projectId", r => r.Copy("u_project"))
        .Field("originalValue", r => Euros(r, "u_contract_value"))
        .Field("stage", r => r.Copy("state"))
        .Field("changeOrders", r => r.Array(i => i.ObjectWith(o => o
            .Field("number", f => f.Copy("u_co_number"))
            .Field("description", f => f.Copy("u_co_description"))
            .Field("amount", f => Euros(f, "u_co_amount"))
            .Field("status", f => f.Copy("u_co_status")))))
        .Field("version", r => r.Copy("sys_mod_count").AsInteger())
        .Build(CanonicalTargets());

    public static CompiledMap ContractOut { get; } = new MapBuilder("contract-to-service-contract").From("connectivity", "contract").To("service", "ast_contract")
        .Field("u_connectivity_id", r => r.Copy("id"))
        .Field("short_description", r => r.Copy("title"))
        .Field("company", r => r.Copy("customerId"))
        .Field("u_project", r => r.Copy("projectId"))
        .Field("u_contract_value", r => r.Copy("originalValue.amount"))
        .Field("state", r => r.Copy("stage"))
        .Field("u_co_number", r => r.Copy("changeOrders[0].number"))
        .Field("u_co_description", r => r.Copy("changeOrders[0].description"))
        .Field("u_co_amount", r => r.Copy("changeOrders[0].amount.amount"))
        .Field("u_co_status", r => r.Copy("changeOrders[0].status"))
        .Build(OwnershipChecked());

    public static CompiledMap EntitlementIn { get; } = new MapBuilder("service-entitlement-to-entitlement").From("service", "service_entitlement").To("connectivity", "entitlement")
        .WithOptions(Inbound)
        .Field("name", r => r.Copy("entitlement_name").Required())
        .Field("kind", r => r.Copy("u_kind"))
        .Field("customerId", r => r.Copy("company").Required())
        .Field("contractId", r => r.Copy("u_contract"))
        .Field("assetId", r => r.Copy("asset"))
        .Field("includedVisits", r => r.Copy("u_included_visits").AsInteger())
        .Field("responseTimeHours", r => r.Copy("u_response_hours").AsInteger())
        .Field("coverage", r => r.ObjectWith(o => o.Field("start", f => f.Copy("start_date").AsDate()).Field("end", f => f.Copy("end_date").AsDate())))
        .Field("stage", r => r.Copy("state"))
        .Field("version", r => r.Copy("sys_mod_count").AsInteger())
        .Build(CanonicalTargets());

    public static CompiledMap EntitlementOut { get; } = new MapBuilder("entitlement-to-service-entitlement").From("connectivity", "entitlement").To("service", "service_entitlement")
        .Field("u_connectivity_id", r => r.Copy("id"))
        .Field("entitlement_name", r => r.Copy("name"))
        .Field("u_kind", r => r.Copy("kind"))
        .Field("company", r => r.Copy("customerId"))
        .Field("u_contract", r => r.Copy("contractId"))
        .Field("asset", r => r.Copy("assetId"))
        .Field("u_included_visits", r => r.Copy("includedVisits"))
        .Field("u_response_hours", r => r.Copy("responseTimeHours"))
        .Field("start_date", r => r.Copy("coverage.start"))
        .Field("end_date", r => r.Copy("coverage.end"))
        .Field("state", r => r.Copy("stage"))
        .Build(OwnershipChecked());

    public static CompiledMap AssetIn { get; } = new MapBuilder("service-asset-to-asset").From("service", "alm_asset").To("connectivity", "asset")
        .WithOptions(Inbound)
        .Field("name", r => r.Copy("display_name").Required())
        .Field("number", r => r.Copy("u_erp_number"))
        .Field("serialNumber", r => r.Copy("serial_number"))
        .Field("productCode", r => r.Copy("model_id"))
        .Field("customerId", r => r.Copy("company").Required())
        .Field("projectId", r => r.Copy("u_project"))
        .Field("installedOn", r => r.Copy("install_date").AsDate())
        .Field("version", r => r.Copy("sys_mod_count").AsInteger())
        .Build(CanonicalTargets());

    public static CompiledMap AssetOut { get; } = new MapBuilder("asset-to-service-asset").From("connectivity", "asset").To("service", "alm_asset")
        .Field("u_connectivity_id", r => r.Copy("id"))
        .Field("display_name", r => r.Copy("name"))
        .Field("u_erp_number", r => r.Copy("number"))
        .Field("serial_number", r => r.Copy("serialNumber"))
        .Field("model_id", r => r.Copy("productCode"))
        .Field("company", r => r.Copy("customerId"))
        .Field("u_project", r => r.Copy("projectId"))
        .Field("install_date", r => r.Copy("installedOn"))
        .Build(OwnershipChecked());

    public static CompiledMap WorkOrderIn { get; } = new MapBuilder("service-work-order-to-work-order").From("service", "wm_order").To("connectivity", "workOrder")
        .WithOptions(Inbound)
        .Field("summary", r => r.Copy("short_description").Required())
        .Field("customerId", r => r.Copy("company").Required())
        .Field("projectId", r => r.Copy("u_project"))
        .Field("assetId", r => r.Copy("asset"))
        .Field("stage", r => r.Copy("state"))
        .Field("completedAt", r => r.Copy("work_end").AsDateTime(null, "yyyy-MM-dd HH:mm:ss"))
        .Field("version", r => r.Copy("sys_mod_count").AsInteger())
        .Build(CanonicalTargets());
}
