using Ardalis.GuardClauses;
using Connectivity.Canonical;

namespace Connectivity.Testing.Canonical;

/// <summary>
/// Valid canonical entities with sensible defaults, for tests that care about one or two fields: every required
/// field is set, ids are unique per call, and a <c>configure</c> action changes what the test is about.
/// </summary>
public static class CanonicalFixtures
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static long _sequence;

    /// <summary>Gets the moment every fixture is created and modified at (a fixed clock, for deterministic output).</summary>
    public static DateTimeOffset Timestamp => Epoch;

    /// <summary>Creates a customer (active, EUR, a billing address and one contact).</summary>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The customer.</returns>
    public static Customer Customer(Action<Customer>? configure = null) => Make(new Customer
    {
        Id = NextId("cus"),
        Stage = CustomerStage.Active,
        Name = "Nordwind Facility Services",
        Currency = "EUR",
        CreditLimit = Money.Of(50_000m, "EUR"),
        PaymentTerms = "NET30",
        BillingAddress = Address(),
        Contacts = [new ContactPerson { GivenName = "Jana", FamilyName = "Krüger", Email = "jana@nordwind.example", Role = "billing" }],
    }, configure);

    /// <summary>Creates a project (awarded) for a customer.</summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The project.</returns>
    public static Project Project(string? customerId = null, Action<Project>? configure = null) => Make(new Project
    {
        Id = NextId("prj"),
        Stage = ProjectStage.Awarded,
        Number = $"P-{_sequence:D5}",
        Name = "Harbour Tower HVAC retrofit",
        CustomerId = customerId ?? NextId("cus"),
        EstimatedValue = Money.Of(1_250_000m, "EUR"),
    }, configure);

    /// <summary>Creates a work order (new) for a customer.</summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The work order.</returns>
    public static WorkOrder WorkOrder(string? customerId = null, Action<WorkOrder>? configure = null) => Make(new WorkOrder
    {
        Id = NextId("wo"),
        Stage = WorkOrderStage.New,
        Number = $"WO{_sequence:D7}",
        Summary = "Chiller high-pressure alarm",
        CustomerId = customerId ?? NextId("cus"),
    }, configure);

    /// <summary>Creates a draft invoice for a customer with one line.</summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The invoice.</returns>
    public static Invoice Invoice(string? customerId = null, Action<Invoice>? configure = null) => Make(new Invoice
    {
        Id = NextId("inv"),
        Stage = InvoiceStage.Draft,
        CustomerId = customerId ?? NextId("cus"),
        InvoiceDate = DateOnly.FromDateTime(Epoch.UtcDateTime),
        Currency = "EUR",
        Lines = [new InvoiceLine { LineNumber = 1, Description = "Service visit", Quantity = Quantity.Of(1, "ea"), UnitPrice = Money.Of(400m, "EUR"), Amount = Money.Of(400m, "EUR"), TaxRate = 0.19m }],
        Subtotal = Money.Of(400m, "EUR"),
        Tax = Money.Of(76m, "EUR"),
        Total = Money.Of(476m, "EUR"),
    }, configure);

    /// <summary>
    /// Creates an active contract for a customer: two lines, a billing schedule of three milestones that adds up to
    /// the original value (the first one invoiced), and one approved change order.
    /// </summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The contract.</returns>
    public static Contract Contract(string? customerId = null, Action<Contract>? configure = null) => Make(new Contract
    {
        Id = NextId("ctr"),
        Stage = ContractStage.Active,
        Number = $"CT-{_sequence:D5}",
        Title = "Harbour Tower HVAC maintenance agreement",
        CustomerId = customerId ?? NextId("cus"),
        OriginalValue = Money.Of(120_000m, "EUR"),
        Term = new DateRange { Start = new DateOnly(2026, 1, 1), End = new DateOnly(2028, 12, 31) },
        Lines =
        [
            new ContractLine { LineNumber = 1, Description = "Preventive maintenance, quarterly", ItemCode = "SVC-PM-Q", Quantity = Quantity.Of(12, "visit"), UnitPrice = Money.Of(7_500m, "EUR"), Amount = Money.Of(90_000m, "EUR") },
            new ContractLine { LineNumber = 2, Description = "24/7 on-call cover", ItemCode = "SVC-ONCALL", Quantity = Quantity.Of(36, "month"), UnitPrice = Money.Of(833.3333m, "EUR"), Amount = Money.Of(30_000m, "EUR") },
        ],
        BillingSchedule =
        [
            new BillingMilestone { Sequence = 1, Description = "Mobilisation", DueOn = new DateOnly(2026, 1, 31), Amount = Money.Of(40_000m, "EUR"), InvoiceId = "inv_mobilisation" },
            new BillingMilestone { Sequence = 2, Description = "Year 2", DueOn = new DateOnly(2027, 1, 31), Amount = Money.Of(40_000m, "EUR") },
            new BillingMilestone { Sequence = 3, Description = "Year 3", DueOn = new DateOnly(2028, 1, 31), Amount = Money.Of(40_000m, "EUR") },
        ],
        ChangeOrders =
        [
            new ChangeOrder { Number = "CO-001", Description = "Add cooling tower to the scope", Amount = Money.Of(8_500m, "EUR"), Status = ChangeOrderStatus.Approved, AgreedOn = new DateOnly(2026, 3, 2), ApprovedOn = new DateOnly(2026, 3, 9) },
        ],
    }, configure);

    /// <summary>Creates an active site of a customer, in Hamburg, with a site contact.</summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The site.</returns>
    public static Site Site(string? customerId = null, Action<Site>? configure = null) => Make(new Site
    {
        Id = NextId("site"),
        Stage = SiteStage.Active,
        Name = "Harbour Tower",
        CustomerId = customerId ?? NextId("cus"),
        Address = Address(),
        TimeZone = "Europe/Berlin",
        SiteContact = new ContactPerson { GivenName = "Mehmet", FamilyName = "Aydin", Email = "facility@nordwind.example", Phone = "+49 40 555 0100", Role = "facility manager" },
        AccessNotes = "Plant room on level 14; key at the front desk.",
    }, configure);

    /// <summary>Creates an asset (in service) of a customer: a chiller with a serial number.</summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The asset.</returns>
    public static Asset Asset(string? customerId = null, Action<Asset>? configure = null) => Make(new Asset
    {
        Id = NextId("ast"),
        Stage = AssetStage.InService,
        Number = $"AST{_sequence:D7}",
        Name = "Chiller CH-01",
        SerialNumber = $"TR-30XA-{_sequence:D6}",
        ProductCode = "30XA-1002",
        Manufacturer = "Carrier",
        CustomerId = customerId ?? NextId("cus"),
        InstalledOn = new DateOnly(2025, 11, 17),
        InServiceOn = new DateOnly(2025, 12, 1),
    }, configure);

    /// <summary>Creates an active service-contract entitlement of a customer: a year's cover, four visits, 8-hour response.</summary>
    /// <param name="customerId">The customer's canonical id; a new one when <see langword="null"/>.</param>
    /// <param name="configure">Changes the test cares about.</param>
    /// <returns>The entitlement.</returns>
    public static Entitlement Entitlement(string? customerId = null, Action<Entitlement>? configure = null) => Make(new Entitlement
    {
        Id = NextId("ent"),
        Stage = EntitlementStage.Active,
        Name = "Chiller maintenance 2026",
        Kind = EntitlementKind.ServiceContract,
        CustomerId = customerId ?? NextId("cus"),
        Coverage = new DateRange { Start = new DateOnly(2026, 1, 1), End = new DateOnly(2026, 12, 31) },
        IncludedVisits = 4,
        UsedVisits = 1,
        ResponseTimeHours = 8,
    }, configure);

    /// <summary>Creates a postal address in Hamburg.</summary>
    /// <returns>The address.</returns>
    public static PostalAddress Address() => new() { Lines = ["Am Sandtorkai 1"], City = "Hamburg", PostalCode = "20457", CountryCode = "DE" };

    private static string NextId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _sequence):D6}";

    private static T Make<T>(T entity, Action<T>? configure)
        where T : CanonicalEntity
    {
        Guard.Against.Null(entity);
        entity.CreatedAt = Epoch;
        entity.ModifiedAt = Epoch;
        configure?.Invoke(entity);
        return entity;
    }
}
