using Connectivity.Mapping;
using static Connectivity.Samples.ProjectLifecycle.Maps.MapKit;

namespace Connectivity.Samples.ProjectLifecycle.Maps;

/// <summary>The CRM (Salesforce style): Account, Opportunity (a project and its contract), Invoice__c.</summary>
internal static class CrmMaps
{
    private static readonly ValueMapTable CustomerStageIn = Table("crm-customer-stage", ("Prospect", "prospect"), ("Active", "active"), ("On Hold", "onHold"), ("Inactive", "inactive"));
    private static readonly ValueMapTable CustomerStageOut = Table("crm-customer-stage-out", ("prospect", "Prospect"), ("active", "Active"), ("onHold", "On Hold"), ("inactive", "Inactive"));
    private static readonly ValueMapTable ProjectStageIn = Table("crm-project-stage", ("Awarded", "awarded"), ("Mobilized", "mobilized"), ("In Progress", "inProgress"), ("Substantially Complete", "substantiallyComplete"), ("Closed", "closed"), ("Cancelled", "cancelled"));
    private static readonly ValueMapTable ProjectStageOut = Table("crm-project-stage-out", ("awarded", "Awarded"), ("mobilized", "Mobilized"), ("inProgress", "In Progress"), ("substantiallyComplete", "Substantially Complete"), ("closed", "Closed"), ("cancelled", "Cancelled"));
    private static readonly ValueMapTable ChangeOrderIn = Table("crm-co-status", ("Proposed", "proposed"), ("Agreed", "agreed"), ("Approved", "approved"), ("Rejected", "rejected"));
    private static readonly ValueMapTable ChangeOrderOut = Table("crm-co-status-out", ("proposed", "Proposed"), ("agreed", "Agreed"), ("approved", "Approved"), ("rejected", "Rejected"));
    private static readonly ValueMapTable InvoiceStageIn = Table("crm-invoice-stage", ("Draft", "draft"), ("Posted", "posted"), ("Partially Paid", "partiallyPaid"), ("Paid", "paid"), ("Void", "void"));
    private static readonly ValueMapTable InvoiceStageOut = Table("crm-invoice-stage-out", ("draft", "Draft"), ("posted", "Posted"), ("partiallyPaid", "Partially Paid"), ("paid", "Paid"), ("void", "Void"));

    public static CompiledMap CustomerIn { get; } = new MapBuilder("crm-account-to-customer").From("crm", "Account").To("connectivity", "customer")
        .WithOptions(Inbound).ValueMap(CustomerStageIn)
        .Field("name", r => r.Copy("Name").Trim().Required())
        .Field("category", r => r.Copy("Type"))
        .Field("phone", r => r.Copy("Phone"))
        .Field("website", r => r.Copy("Website"))
        .Field("billingAddress", r => r.ObjectWith(o => o
            .Field("lines", f => f.Array(i => i.Copy("BillingStreet")))
            .Field("city", f => f.Copy("BillingCity"))
            .Field("postalCode", f => f.Copy("BillingPostalCode"))
            .Field("countryCode", f => f.Copy("BillingCountry"))))
        .Field("creditLimit", r => Money(r, "Credit_Limit__c", "CurrencyIsoCode"))
        .Field("paymentTerms", r => r.Copy("Payment_Terms__c"))
        .Field("number", r => r.Copy("ERP_Customer_No__c"))
        .Field("stage", r => r.Copy("Customer_Status__c").MapValues("crm-customer-stage"))
        .Field("modifiedAt", r => r.Copy("LastModifiedDate").AsDateTime())
        .Build(CanonicalTargets());

    /// <summary>What the CRM takes from finance: the customer number, terms, limit and status. Sales' own fields are never written.</summary>
    public static CompiledMap CustomerOut { get; } = new MapBuilder("customer-to-crm-account").From("connectivity", "customer").To("crm", "Account")
        .ValueMap(CustomerStageOut)
        .Field("ERP_Customer_No__c", r => r.Copy("number"))
        .Field("Payment_Terms__c", r => r.Copy("paymentTerms"))
        .Field("Credit_Limit__c", r => r.Copy("creditLimit.amount"))
        .Field("Customer_Status__c", r => r.Copy("stage").MapValues("crm-customer-stage-out"))
        .Build(OwnershipChecked());

    public static CompiledMap ProjectIn { get; } = new MapBuilder("crm-opportunity-to-project").From("crm", "Opportunity").To("connectivity", "project")
        .WithOptions(Inbound).ValueMap(ProjectStageIn)
        .Field("name", r => r.Copy("Name").Trim().Required())
        .Field("customerId", r => r.Copy("AccountId").Required())
        .Field("estimatedValue", r => Euros(r, "Amount"))
        .Field("awardedOn", r => r.Copy("CloseDate").AsDate())
        .Field("projectManager", r => r.ObjectWith(o => o
            .Field("familyName", f => f.Copy("Project_Manager_Name__c"))
            .Field("email", f => f.Copy("Project_Manager_Email__c"))))
        .Field("number", r => r.Copy("ERP_Project_No__c"))
        .Field("stage", r => r.Copy("Project_Status__c").MapValues("crm-project-stage"))
        .Field("modifiedAt", r => r.Copy("LastModifiedDate").AsDateTime())
        .Build(CanonicalTargets());

    public static CompiledMap ProjectOut { get; } = new MapBuilder("project-to-crm-opportunity").From("connectivity", "project").To("crm", "Opportunity")
        .ValueMap(ProjectStageOut)
        .Field("ERP_Project_No__c", r => r.Copy("number"))
        .Field("Project_Status__c", r => r.Copy("stage").MapValues("crm-project-stage-out"))
        .Build(OwnershipChecked());

    /// <summary>The same opportunity as the contract: value, billing schedule and the change order sales agreed.</summary>
    public static CompiledMap ContractIn { get; } = new MapBuilder("crm-opportunity-to-contract").From("crm", "Opportunity").To("connectivity", "contract")
        .WithOptions(Inbound).ValueMap(ChangeOrderIn)
        .Field("title", r => r.Copy("Name").Trim())
        .Field("customerId", r => r.Copy("AccountId").Required())
        .Field("projectId", r => r.Copy("Id"))
        .Field("originalValue", r => Euros(r, "Amount"))
        .Field("billingSchedule", r => r.Array(
            i => i.ObjectWith(o => o.Field("sequence", f => f.When(MapCondition.Exists("Deposit__c"), t => t.Constant(1))).Field("description", f => f.When(MapCondition.Exists("Deposit__c"), t => t.Constant("Deposit"))).Field("amount", f => Euros(f, "Deposit__c"))),
            i => i.ObjectWith(o => o.Field("sequence", f => f.When(MapCondition.Exists("Progress__c"), t => t.Constant(2))).Field("description", f => f.When(MapCondition.Exists("Progress__c"), t => t.Constant("Progress"))).Field("amount", f => Euros(f, "Progress__c"))),
            i => i.ObjectWith(o => o.Field("sequence", f => f.When(MapCondition.Exists("Retention__c"), t => t.Constant(3))).Field("description", f => f.When(MapCondition.Exists("Retention__c"), t => t.Constant("Retention"))).Field("amount", f => Euros(f, "Retention__c")))))
        .Field("changeOrders", r => r.Array(i => i.ObjectWith(o => o
            .Field("number", f => f.Copy("CO_Number__c"))
            .Field("description", f => f.Copy("CO_Description__c"))
            .Field("amount", f => Euros(f, "CO_Amount__c"))
            .Field("status", f => f.Copy("CO_Status__c").MapValues("crm-co-status")))))
        .Field("modifiedAt", r => r.Copy("LastModifiedDate").AsDateTime())
        .Build(CanonicalTargets());

    public static CompiledMap ContractOut { get; } = new MapBuilder("contract-to-crm-opportunity").From("connectivity", "contract").To("crm", "Opportunity")
        .ValueMap(ChangeOrderOut)
        .Field("CO_Status__c", r => r.Copy("changeOrders[0].status").MapValues("crm-co-status-out"))
        .Build(OwnershipChecked());

    public static CompiledMap InvoiceIn { get; } = new MapBuilder("crm-invoice-to-invoice").From("crm", "Invoice__c").To("connectivity", "invoice")
        .WithOptions(Inbound).ValueMap(InvoiceStageIn)
        .Field("number", r => r.Copy("Name"))
        .Field("customerId", r => r.Copy("Account__c"))
        .Field("projectId", r => r.Copy("Opportunity__c"))
        .Field("invoiceDate", r => r.Copy("Invoice_Date__c").AsDate())
        .Field("total", r => Euros(r, "Total__c"))
        .Field("stage", r => r.Copy("Status__c").MapValues("crm-invoice-stage"))
        .Field("modifiedAt", r => r.Copy("LastModifiedDate").AsDateTime())
        .Build(CanonicalTargets());

    public static CompiledMap InvoiceOut { get; } = new MapBuilder("invoice-to-crm-invoice").From("connectivity", "invoice").To("crm", "Invoice__c")
        .ValueMap(InvoiceStageOut)
        .Field("Name", r => r.Copy("number"))
        .Field("Account__c", r => r.Copy("customerId"))
        .Field("Opportunity__c", r => r.Copy("projectId"))
        .Field("Invoice_Date__c", r => r.Copy("invoiceDate"))
        .Field("Total__c", r => r.Copy("total.amount"))
        .Field("Status__c", r => r.Copy("stage").MapValues("crm-invoice-stage-out"))
        .Build(OwnershipChecked());
}
