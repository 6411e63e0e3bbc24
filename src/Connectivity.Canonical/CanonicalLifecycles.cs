using Connectivity.Canonical.Internal;
using Connectivity.Lifecycle;

namespace Connectivity.Canonical;

/// <summary>
/// The lifecycles of the eight canonical entities: stages (camelCase, as the JSON spells them) and the
/// transitions allowed between them. Ownership rules refer to these stage names.
/// </summary>
public static class CanonicalLifecycles
{
    /// <summary>Gets the customer lifecycle: prospect, active, on hold, inactive.</summary>
    public static LifecycleDefinition Customer { get; } = Build<CustomerStage>(
        "customer",
        CustomerStage.Prospect,
        (CustomerStage.Prospect, [CustomerStage.Active, CustomerStage.Inactive]),
        (CustomerStage.Active, [CustomerStage.OnHold, CustomerStage.Inactive]),
        (CustomerStage.OnHold, [CustomerStage.Active, CustomerStage.Inactive]),
        (CustomerStage.Inactive, [CustomerStage.Active]));

    /// <summary>Gets the project lifecycle: awarded, mobilized, in progress, substantially complete, closed (or cancelled).</summary>
    public static LifecycleDefinition Project { get; } = Build<ProjectStage>(
        "project",
        ProjectStage.Awarded,
        (ProjectStage.Awarded, [ProjectStage.Mobilized, ProjectStage.Cancelled]),
        (ProjectStage.Mobilized, [ProjectStage.InProgress, ProjectStage.Cancelled]),
        (ProjectStage.InProgress, [ProjectStage.SubstantiallyComplete, ProjectStage.Cancelled]),
        (ProjectStage.SubstantiallyComplete, [ProjectStage.Closed]));

    /// <summary>Gets the contract lifecycle: draft, active, suspended, completed, terminated.</summary>
    public static LifecycleDefinition Contract { get; } = Build<ContractStage>(
        "contract",
        ContractStage.Draft,
        (ContractStage.Draft, [ContractStage.Active, ContractStage.Terminated]),
        (ContractStage.Active, [ContractStage.Suspended, ContractStage.Completed, ContractStage.Terminated]),
        (ContractStage.Suspended, [ContractStage.Active, ContractStage.Terminated]));

    /// <summary>Gets the site lifecycle: planned, active, decommissioned.</summary>
    public static LifecycleDefinition Site { get; } = Build<SiteStage>(
        "site",
        SiteStage.Planned,
        (SiteStage.Planned, [SiteStage.Active, SiteStage.Decommissioned]),
        (SiteStage.Active, [SiteStage.Decommissioned]));

    /// <summary>Gets the asset lifecycle: ordered, installed, in service, out of service, retired.</summary>
    public static LifecycleDefinition Asset { get; } = Build<AssetStage>(
        "asset",
        AssetStage.Ordered,
        (AssetStage.Ordered, [AssetStage.Installed, AssetStage.Retired]),
        (AssetStage.Installed, [AssetStage.InService, AssetStage.Retired]),
        (AssetStage.InService, [AssetStage.OutOfService, AssetStage.Retired]),
        (AssetStage.OutOfService, [AssetStage.InService, AssetStage.Retired]));

    /// <summary>Gets the work order lifecycle: new, scheduled, dispatched, in progress, completed, closed (or cancelled).</summary>
    public static LifecycleDefinition WorkOrder { get; } = Build<WorkOrderStage>(
        "workOrder",
        WorkOrderStage.New,
        (WorkOrderStage.New, [WorkOrderStage.Scheduled, WorkOrderStage.Dispatched, WorkOrderStage.Cancelled]),
        (WorkOrderStage.Scheduled, [WorkOrderStage.Dispatched, WorkOrderStage.Cancelled]),
        (WorkOrderStage.Dispatched, [WorkOrderStage.InProgress, WorkOrderStage.Scheduled, WorkOrderStage.Cancelled]),
        (WorkOrderStage.InProgress, [WorkOrderStage.Completed, WorkOrderStage.Cancelled]),
        (WorkOrderStage.Completed, [WorkOrderStage.Closed, WorkOrderStage.InProgress]));

    /// <summary>Gets the entitlement lifecycle: pending, active, suspended, expired, cancelled.</summary>
    public static LifecycleDefinition Entitlement { get; } = Build<EntitlementStage>(
        "entitlement",
        EntitlementStage.Pending,
        (EntitlementStage.Pending, [EntitlementStage.Active, EntitlementStage.Cancelled]),
        (EntitlementStage.Active, [EntitlementStage.Suspended, EntitlementStage.Expired, EntitlementStage.Cancelled]),
        (EntitlementStage.Suspended, [EntitlementStage.Active, EntitlementStage.Expired, EntitlementStage.Cancelled]));

    /// <summary>Gets the invoice lifecycle: draft, posted, partially paid, paid, void.</summary>
    public static LifecycleDefinition Invoice { get; } = Build<InvoiceStage>(
        "invoice",
        InvoiceStage.Draft,
        (InvoiceStage.Draft, [InvoiceStage.Posted, InvoiceStage.Void]),
        (InvoiceStage.Posted, [InvoiceStage.PartiallyPaid, InvoiceStage.Paid, InvoiceStage.Void]),
        (InvoiceStage.PartiallyPaid, [InvoiceStage.Paid, InvoiceStage.Void]));

    private static LifecycleDefinition Build<TStage>(string entityType, TStage initial, params (TStage From, TStage[] To)[] transitions)
        where TStage : struct, Enum
    {
        var builder = new LifecycleBuilder(entityType).InitialStage(StageNames.Of(initial));
        foreach (var stage in StageNames.All<TStage>())
        {
            builder.Stage(stage);
        }

        foreach (var (from, to) in transitions)
        {
            builder.Transition(StageNames.Of(from), [.. to.Select(static s => StageNames.Of(s))]);
        }

        return builder.Build();
    }
}
