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
