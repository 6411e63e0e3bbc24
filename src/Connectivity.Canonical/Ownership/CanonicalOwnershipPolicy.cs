using Connectivity.Ownership;

namespace Connectivity.Canonical.Ownership;

/// <summary>
/// The ownership policy Connectivity ships for the canonical model and the systems <c>crm</c>, <c>erp</c> and
/// <c>service</c>; documented, with the reasons, in <c>docs/ownership.md</c>. Extend or override it with
/// <see cref="CreateBuilder"/>: later declarations win over the defaults.
/// </summary>
public static class CanonicalOwnershipPolicy
{
    /// <summary>The CRM system.</summary>
    public const string Crm = "crm";

    /// <summary>The ERP system.</summary>
    public const string Erp = "erp";

    /// <summary>The service platform (field service, support).</summary>
    public const string Service = "service";

    private static readonly string[] CustomerAfterProspect = ["active", "onHold", "inactive"];
    private static readonly string[] WorkOrderBeforeDispatch = ["new", "scheduled"];
    private static readonly string[] WorkOrderFromDispatch = ["dispatched", "inProgress", "completed", "closed", "cancelled"];

    /// <summary>Gets the default policy, built and validated.</summary>
    public static OwnershipPolicy Default { get; } = CreateBuilder().Build();

    /// <summary>Gets a builder holding the default policy, to extend or override before building.</summary>
    /// <returns>A new builder.</returns>
    /// <example>
    /// <code>
    /// var policy = CanonicalOwnershipPolicy.CreateBuilder()
    ///     .Entity("customer", c => c.Field("phone", "service"))
    ///     .Build();
    /// </code>
    /// </example>
    public static OwnershipPolicyBuilder CreateBuilder()
    {
        var builder = new OwnershipPolicyBuilder(CanonicalEntityCatalog.Instance).AddSystems(Crm, Erp, Service);

        builder.Entity("customer", c => CustomFields(c
            .DefaultOwner(Crm)
            .Field("stage", Crm, "prospect")
            .Field("stage", Erp, CustomerAfterProspect)
            .Field("creditLimit", Crm, "prospect")
            .Field("creditLimit", Erp, CustomerAfterProspect)
            .Field("billingAddress", Erp, CustomerAfterProspect)
            .Field("number", Erp)
            .Field("taxId", Erp)
            .Field("currency", Erp)
            .Field("paymentTerms", Erp)));

        builder.Entity("project", p => CustomFields(p
            .DefaultOwner(Erp)
            .Field("projectManager", Crm, "awarded")));

        builder.Entity("contract", c => CustomFields(c
            .DefaultOwner(Erp)
            .Field("title", Crm, "draft")));

        builder.Entity("site", s => CustomFields(s
            .DefaultOwner(Crm)
            .Field("accessNotes", Service)
            .Field("siteContact", Service)
            .Field("timeZone", Service)));

        builder.Entity("asset", a => CustomFields(a
            .DefaultOwner(Service)
            .Field("number", Erp)
            .Field("productCode", Erp)));

        builder.Entity("workOrder", w => CustomFields(w
            .DefaultOwner(Crm)
            .Field("stage", Crm, WorkOrderBeforeDispatch)
            .Field("stage", Service, WorkOrderFromDispatch)
            .Field("scheduledWindow", Crm, WorkOrderBeforeDispatch)
            .Field("scheduledWindow", Service, WorkOrderFromDispatch)
            .Field("assignedTechnician", Service)
            .Field("completedAt", Service)
            .Field("labourLines", Service)
            .Field("partLines", Service)));

        builder.Entity("entitlement", e => CustomFields(e
            .DefaultOwner(Erp)
            .Field("usedVisits", Service)));

        builder.Entity("invoice", i => CustomFields(i.DefaultOwner(Erp)));

        return builder;
    }

    // Each system owns the custom fields it keeps, whatever the entity.
    private static EntityOwnershipBuilder CustomFields(EntityOwnershipBuilder entity)
        => entity.Field("customFields.crm", Crm).Field("customFields.erp", Erp).Field("customFields.service", Service);
}
