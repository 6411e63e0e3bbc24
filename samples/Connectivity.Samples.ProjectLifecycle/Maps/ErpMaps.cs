using Connectivity.Mapping;
using static Connectivity.Samples.ProjectLifecycle.Maps.MapKit;

namespace Connectivity.Samples.ProjectLifecycle.Maps;

/// <summary>The ERP (Business Central style): customers, projects, contracts, entitlements, assets, workOrders, salesInvoices.</summary>
internal static class ErpMaps
{
    private static readonly ValueMapTable CustomerStageIn = Table("erp-customer-stage", ("Prospect", "prospect"), ("Active", "active"), ("OnHold", "onHold"), ("Inactive", "inactive"));
    private static readonly ValueMapTable CustomerStageOut = Table("erp-customer-stage-out", ("prospect", "Prospect"), ("active", "Active"), ("onHold", "OnHold"), ("inactive", "Inactive"));
    private static readonly ValueMapTable ProjectStageIn = Table("erp-project-stage", ("Awarded", "awarded"), ("Mobilized", "mobilized"), ("InProgress", "inProgress"), ("SubstantiallyComplete", "substantiallyComplete"), ("Closed", "closed"), ("Cancelled", "cancelled"));
    private static readonly ValueMapTable ContractStageIn = Table("erp-contract-stage", ("Draft", "draft"), ("Active", "active"), ("Suspended", "suspended"), ("Completed", "completed"), ("Terminated", "terminated"));
    private static readonly ValueMapTable ChangeOrderIn = Table("erp-co-status", ("Proposed", "proposed"), ("Agreed", "agreed"), ("Approved", "approved"), ("Rejected", "rejected"));
    private static readonly ValueMapTable ChangeOrderOut = Table("erp-co-status-out", ("proposed", "Proposed"), ("agreed", "Agreed"), ("approved", "Approved"), ("rejected", "Rejected"));
    private static readonly ValueMapTable EntitlementStageIn = Table("erp-entitlement-stage", ("Pending", "pending"), ("Active", "active"), ("Suspended", "suspended"), ("Expired", "expired"), ("Cancelled", "cancelled"));
    private static readonly ValueMapTable EntitlementKindIn = Table("erp-entitlement-kind", ("Warranty", "warranty"), ("Service", "serviceContract"), ("Support", "support"));
    private static readonly ValueMapTable WorkOrderStageIn = Table("erp-work-order-stage", ("New", "new"), ("Scheduled", "scheduled"), ("Dispatched", "dispatched"), ("InProgress", "inProgress"), ("Completed", "completed"), ("Closed", "closed"), ("Cancelled", "cancelled"));
    private static readonly ValueMapTable WorkOrderStageOut = Table("erp-work-order-stage-out", ("new", "New"), ("scheduled", "Scheduled"), ("dispatched", "Dispatched"), ("inProgress", "InProgress"), ("completed", "Completed"), ("closed", "Closed"), ("cancelled", "Cancelled"));
    private static readonly ValueMapTable InvoiceStageIn = Table("erp-invoice-stage", ("Draft", "draft"), ("Open", "posted"), ("PartiallyPaid", "partiallyPaid"), ("Paid", "paid"), ("Void", "void"));

    public static CompiledMap CustomerIn { get; } = new MapBuilder("erp-customer-to-customer").From("erp", "customers").To("connectivity", "customer")
        .WithOptions(Inbound).ValueMap(CustomerStageIn)
        .Field("name", r => r.Copy("displayName").Required())
        .Field("number", r => r.Copy("number"))
        .Field("phone", r => r.Copy("phoneNumber"))
        .Field("website", r => r.Copy("website"))
        .Field("billingAddress", r => r.ObjectWith(o => o
            .Field("lines", f => f.Array(i => i.Copy("addressLine1")))
            .Field("city", f => f.Copy("city"))
            .Field("postalCode", f => f.Copy("postalCode"))
            .Field("countryCode", f => f.Copy("country"))))
        .Field("currency", r => r.Copy("currencyCode"))
        .Field("creditLimit", r => Money(r, "creditLimit", "currencyCode"))
        .Field("paymentTerms", r => r.Copy("paymentTermsCode"))
        .Field("stage", r => r.Copy("customerStatus").MapValues("erp-customer-stage"))
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());

    /// <summary>Sales' account data and the first credit limit; the ledger fields (number, currency, terms) are the ERP's and never written.</summary>
    public static CompiledMap CustomerOut { get; } = new MapBuilder("customer-to-erp-customer").From("connectivity", "customer").To("erp", "customers")
        .ValueMap(CustomerStageOut)
        .Field("externalNo", r => r.Copy("id"))
        .Field("displayName", r => r.Copy("name"))
        .Field("phoneNumber", r => r.Copy("phone"))
        .Field("website", r => r.Copy("website"))
        .Field("addressLine1", r => r.Copy("billingAddress.lines[0]"))
        .Field("city", r => r.Copy("billingAddress.city"))
        .Field("postalCode", r => r.Copy("billingAddress.postalCode"))
        .Field("country", r => r.Copy("billingAddress.countryCode"))
        .Field("creditLimit", r => r.Copy("creditLimit.amount"))
        .Field("customerStatus", r => r.Copy("stage").MapValues("erp-customer-stage-out"))
        .Build(OwnershipChecked());

    public static CompiledMap ProjectIn { get; } = new MapBuilder("erp-project-to-project").From("erp", "projects").To("connectivity", "project")
        .WithOptions(Inbound).ValueMap(ProjectStageIn)
        .Field("name", r => r.Copy("displayName").Required())
        .Field("number", r => r.Copy("number"))
        .Field("customerId", r => r.Copy("customerId").Required())
        .Field("estimatedValue", r => Euros(r, "contractValue"))
        .Field("awardedOn", r => r.Copy("awardedDate").AsDate())
        .Field("substantiallyCompletedOn", r => r.Copy("substantialCompletionDate").AsDate())
        .Field("projectManager", r => r.ObjectWith(o => o.Field("familyName", f => f.Copy("projectManager"))))
        .Field("stage", r => r.Copy("status").MapValues("erp-project-stage"))
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());

    /// <summary>The commercial header sales sets at award; the ERP owns the project's stage and number.</summary>
    public static CompiledMap ProjectOut { get; } = new MapBuilder("project-to-erp-project").From("connectivity", "project").To("erp", "projects")
        .Field("externalNo", r => r.Copy("id"))
        .Field("displayName", r => r.Copy("name"))
        .Field("customerId", r => r.Copy("customerId"))
        .Field("contractValue", r => r.Copy("estimatedValue.amount"))
        .Field("awardedDate", r => r.Copy("awardedOn"))
        .Field("projectManager", r => r.Copy("projectManager.familyName"))
        .Build(OwnershipChecked());

    public static CompiledMap ContractIn { get; } = new MapBuilder("erp-contract-to-contract").From("erp", "contracts").To("connectivity", "contract")
        .WithOptions(Inbound).ValueMap(ContractStageIn).ValueMap(ChangeOrderIn)
        .Field("number", r => r.Copy("number"))
        .Field("title", r => r.Copy("description"))
        .Field("customerId", r => r.Copy("customerId").Required())
        .Field("projectId", r => r.Copy("projectId"))
        .Field("originalValue", r => Euros(r, "contractValue"))
        .Field("billingSchedule", r => r.Each("billingSchedule[*]", e => e.ObjectWith(o => o
            .Field("sequence", f => f.Copy("sequence").AsInteger())
            .Field("description", f => f.Copy("description"))
            .Field("amount", f => Euros(f, "amount")))))
        .Field("changeOrders", r => r.Each("changeOrders[*]", e => e.ObjectWith(o => o
            .Field("number", f => f.Copy("number"))
            .Field("description", f => f.Copy("description"))
            .Field("amount", f => Euros(f, "amount"))
            .Field("status", f => f.Copy("status").MapValues("erp-co-status"))
            .Field("approvedOn", f => f.Copy("approvedDate").AsDate()))))
        .Field("stage", r => r.Copy("status").MapValues("erp-contract-stage"))
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());

    /// <summary>
    /// The contract as sales worded it, with its change orders whole: the ERP replaces the array on a write, so the status it
    /// approved is sent back with the rest, never dropped.
    /// </summary>
    public static CompiledMap ContractOut { get; } = new MapBuilder("contract-to-erp-contract").From("connectivity", "contract").To("erp", "contracts")
        .ValueMap(ChangeOrderOut)
        .Field("externalNo", r => r.Copy("id"))
        .Field("description", r => r.Copy("title"))
        .Field("customerId", r => r.Copy("customerId"))
        .Field("projectId", r => r.Copy("projectId"))
        .Field("contractValue", r => r.Copy("originalValue.amount"))
        .Field("billingSchedule", r => r.Each("billingSchedule[*]", e => e.ObjectWith(o => o
            .Field("sequence", f => f.Copy("sequence"))
            .Field("description", f => f.Copy("description"))
            .Field("amount", f => f.Copy("amount.amount")))))
        .Field("changeOrders", r => r.Each("changeOrders[*]", e => e.ObjectWith(o => o
            .Field("number", f => f.Copy("number"))
            .Field("description", f => f.Copy("description"))
            .Field("amount", f => f.Copy("amount.amount"))
            .Field("status", f => f.Copy("status").MapValues("erp-co-status-out"))
            .Field("approvedDate", f => f.Copy("approvedOn")))))
        .Build(OwnershipChecked());

    public static CompiledMap EntitlementIn { get; } = new MapBuilder("erp-entitlement-to-entitlement").From("erp", "entitlements").To("connectivity", "entitlement")
        .WithOptions(Inbound).ValueMap(EntitlementStageIn).ValueMap(EntitlementKindIn)
        .Field("name", r => r.Copy("description").Required())
        .Field("kind", r => r.Copy("kind").MapValues("erp-entitlement-kind"))
        .Field("customerId", r => r.Copy("customerId").Required())
        .Field("contractId", r => r.Copy("contractId"))
        .Field("assetId", r => r.Copy("assetId"))
        .Field("includedVisits", r => r.Copy("includedVisits").AsInteger())
        .Field("responseTimeHours", r => r.Copy("responseTimeHours").AsInteger())
        .Field("coverage", r => r.ObjectWith(o => o.Field("start", f => f.Copy("coverageStart").AsDate()).Field("end", f => f.Copy("coverageEnd").AsDate())))
        .Field("stage", r => r.Copy("status").MapValues("erp-entitlement-stage"))
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());

    public static CompiledMap AssetIn { get; } = new MapBuilder("erp-asset-to-asset").From("erp", "assets").To("connectivity", "asset")
        .WithOptions(Inbound)
        .Field("number", r => r.Copy("number"))
        .Field("name", r => r.Copy("description").Required())
        .Field("serialNumber", r => r.Copy("serialNo"))
        .Field("productCode", r => r.Copy("itemNo"))
        .Field("customerId", r => r.Copy("customerId").Required())
        .Field("projectId", r => r.Copy("projectId"))
        .Field("installedOn", r => r.Copy("installedDate").AsDate())
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());

    public static CompiledMap WorkOrderIn { get; } = new MapBuilder("erp-work-order-to-work-order").From("erp", "workOrders").To("connectivity", "workOrder")
        .WithOptions(Inbound).ValueMap(WorkOrderStageIn)
        .Field("summary", r => r.Copy("description"))
        .Field("customerId", r => r.Copy("customerId"))
        .Field("projectId", r => r.Copy("projectId"))
        .Field("stage", r => r.Copy("status").MapValues("erp-work-order-stage"))
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());

    public static CompiledMap WorkOrderOut { get; } = new MapBuilder("work-order-to-erp-work-order").From("connectivity", "workOrder").To("erp", "workOrders")
        .ValueMap(WorkOrderStageOut)
        .Field("externalNo", r => r.Copy("id"))
        .Field("description", r => r.Copy("summary"))
        .Field("customerId", r => r.Copy("customerId"))
        .Field("projectId", r => r.Copy("projectId"))
        .Field("status", r => r.Copy("stage").MapValues("erp-work-order-stage-out"))
        .Build(OwnershipChecked());

    public static CompiledMap InvoiceIn { get; } = new MapBuilder("erp-sales-invoice-to-invoice").From("erp", "salesInvoices").To("connectivity", "invoice")
        .WithOptions(Inbound).ValueMap(InvoiceStageIn)
        .Field("number", r => r.Copy("number"))
        .Field("customerId", r => r.Copy("customerId").Required())
        .Field("projectId", r => r.Copy("projectId"))
        .Field("workOrderId", r => r.Copy("workOrderId"))
        .Field("invoiceDate", r => r.Copy("invoiceDate").AsDate())
        .Field("dueDate", r => r.Copy("dueDate").AsDate())
        .Field("currency", r => r.Copy("currencyCode"))
        .Field("subtotal", r => Money(r, "totalAmountExcludingTax", "currencyCode"))
        .Field("tax", r => Money(r, "totalTaxAmount", "currencyCode"))
        .Field("total", r => Money(r, "totalAmountIncludingTax", "currencyCode"))
        .Field("stage", r => r.Copy("status").MapValues("erp-invoice-stage"))
        .Field("modifiedAt", r => r.Copy("lastModifiedDateTime").AsDateTime())
        .Build(CanonicalTargets());
}
