using Connectivity.Canonical.Ownership;
using Connectivity.Ownership;

namespace Connectivity.Samples.ProjectLifecycle;

/// <summary>
/// The default canonical policy, adjusted to this company's process: sales (CRM) words the commercial header of a project and
/// its contract when the project is awarded and agrees change orders; finance (ERP) runs them from then on and approves change
/// orders; installed assets are registered from the ERP at completion; work orders start in the service platform.
/// </summary>
internal static class SamplePolicy
{
    public static OwnershipPolicy Instance { get; } = CanonicalOwnershipPolicy.CreateBuilder()
        .Entity("project", p => p
            .Field("name", "crm", "awarded")
            .Field("customerId", "crm", "awarded")
            .Field("estimatedValue", "crm", "awarded")
            .Field("awardedOn", "crm", "awarded"))
        .Entity("contract", c => c
            .Field("customerId", "crm", "draft")
            .Field("projectId", "crm", "draft")
            .Field("originalValue", "crm", "draft")
            .Field("billingSchedule", "crm", "draft")
            .Field("changeOrders[*].number", "crm")
            .Field("changeOrders[*].description", "crm")
            .Field("changeOrders[*].amount", "crm")
            .Field("changeOrders[*].status", "crm", "draft")
            .Field("changeOrders[*].approvedOn", "crm", "draft"))
        .Entity("asset", a => a
            .DefaultOwner("erp")
            .Field("stage", "service")
            .Field("inServiceOn", "service"))
        .Entity("workOrder", w => w
            .DefaultOwner("service")
            .Field("stage", "service")
            .Field("scheduledWindow", "service"))
        .Build();
}
