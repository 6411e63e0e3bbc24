using System.Text.Json;

namespace Connectivity.Canonical.Tests;

/// <summary>Fully populated canonical records, one per entity, in the shapes the lifecycle walks produce.</summary>
internal static class CanonicalSamples
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Modified = new(2026, 9, 14, 16, 5, 12, 345, TimeSpan.FromHours(2));

    public static CanonicalEntity For(string entityName) => entityName switch
    {
        "customer" => Customer(),
        "project" => Project(),
        "contract" => Contract(),
        "site" => Site(),
        "asset" => Asset(),
        "workOrder" => WorkOrder(),
        "entitlement" => Entitlement(),
        "invoice" => Invoice(),
        _ => throw new ArgumentOutOfRangeException(nameof(entityName), entityName, null),
    };

    public static Customer Customer() => Envelope(new Customer
    {
        Id = "cus_01HZX",
        Stage = CustomerStage.OnHold,
        Number = "C-10042",
        Name = "Nordwind Facility Services",
        LegalName = "Nordwind Facility Services GmbH",
        TaxId = "DE811569869",
        Category = "contractor",
        Email = "ap@nordwind.example",
        Phone = "+49 40 1234567",
        Website = "https://nordwind.example",
        Currency = "EUR",
        CreditLimit = Money.Of(250_000.00m, "EUR"),
        PaymentTerms = "NET30",
        BillingAddress = Address(),
        ShippingAddress = new PostalAddress { Lines = ["Dock 4", "Hafenstraße 7"], City = "Hamburg", PostalCode = "20457", CountryCode = "DE" },
        Contacts =
        [
            new ContactPerson { GivenName = "Jana", FamilyName = "Krüger", Email = "jana.krueger@nordwind.example", Role = "billing" },
            new ContactPerson { FamilyName = "Okafor", Phone = "+49 40 7654321", Role = "site manager" },
        ],
    });

    public static Project Project() => Envelope(new Project
    {
        Id = "prj_01HZY",
        Stage = ProjectStage.SubstantiallyComplete,
        Number = "P-2026-0117",
        Name = "Harbour Tower HVAC retrofit",
        Description = "Replace chillers and air handling units, floors 3-21.",
        CustomerId = "cus_01HZX",
        SiteId = "sit_01HZZ",
        ContractId = "con_01J00",
        EstimatedValue = Money.Of(1_845_300.50m, "EUR"),
        PlannedSchedule = new DateRange { Start = new DateOnly(2026, 4, 1), End = new DateOnly(2026, 10, 31) },
        AwardedOn = new DateOnly(2026, 3, 2),
        SubstantiallyCompletedOn = new DateOnly(2026, 9, 14),
        ProjectManager = new ContactPerson { GivenName = "Lars", FamilyName = "Eriksen", Email = "lars.eriksen@builder.example" },
    });

    public static Contract Contract() => Envelope(new Contract
    {
        Id = "con_01J00",
        Stage = ContractStage.Active,
        Number = "K-5531",
        Title = "HVAC retrofit, lump sum",
        CustomerId = "cus_01HZX",
        ProjectId = "prj_01HZY",
        OriginalValue = Money.Of(1_800_000m, "EUR"),
        Term = new DateRange { Start = new DateOnly(2026, 3, 15) },
        Lines =
        [
            new ContractLine { LineNumber = 1, Description = "Chiller supply and install", ItemCode = "CH-450", Quantity = Quantity.Of(2, "ea"), UnitPrice = Money.Of(600_000m, "EUR"), Amount = Money.Of(1_200_000m, "EUR") },
            new ContractLine { LineNumber = 2, Description = "Air handling units", Quantity = Quantity.Of(12.5m, "ea"), UnitPrice = Money.Of(48_000m, "EUR"), Amount = Money.Of(600_000m, "EUR") },
        ],
        BillingSchedule =
        [
            new BillingMilestone { Sequence = 1, Description = "mobilisation", DueOn = new DateOnly(2026, 4, 1), Amount = Money.Of(180_000m, "EUR"), InvoiceId = "inv_01J03" },
            new BillingMilestone { Sequence = 2, Description = "substantial completion", Amount = Money.Of(1_620_000m, "EUR") },
        ],
        ChangeOrders =
        [
            new ChangeOrder { Number = "CO-1", Description = "Additional BMS integration", Amount = Money.Of(45_300.50m, "EUR"), Status = ChangeOrderStatus.Approved, AgreedOn = new DateOnly(2026, 6, 3), ApprovedOn = new DateOnly(2026, 6, 5) },
        ],
    });

    public static Site Site() => Envelope(new Site
    {
        Id = "sit_01HZZ",
        Stage = SiteStage.Active,
        Name = "Harbour Tower",
        CustomerId = "cus_01HZX",
        Address = Address(),
        TimeZone = "Europe/Berlin",
        SiteContact = new ContactPerson { GivenName = "Mia", FamilyName = "Hansen", Phone = "+49 40 555 0101" },
        AccessNotes = "Badge at reception; plant room key with security.",
    });

    public static Asset Asset() => Envelope(new Asset
    {
        Id = "ast_01J01",
        Stage = AssetStage.InService,
        Number = "A-77812",
        Name = "Chiller 1",
        SerialNumber = "9007199254740993",
        ProductCode = "CH-450",
        Manufacturer = "Arctic Systems",
        CustomerId = "cus_01HZX",
        SiteId = "sit_01HZZ",
        ProjectId = "prj_01HZY",
        InstalledOn = new DateOnly(2026, 8, 20),
        InServiceOn = new DateOnly(2026, 9, 14),
    });

    public static WorkOrder WorkOrder() => Envelope(new WorkOrder
    {
        Id = "wo_01J02",
        Stage = WorkOrderStage.Completed,
        Number = "WO0010234",
        Summary = "Chiller 1 high-pressure alarm",
        Description = "Alarm after restart; check condenser fan.",
        Priority = WorkOrderPriority.High,
        CustomerId = "cus_01HZX",
        SiteId = "sit_01HZZ",
        AssetId = "ast_01J01",
        EntitlementId = "ent_01J04",
        ProjectId = "prj_01HZY",
        ScheduledWindow = new DateRange { Start = new DateOnly(2026, 10, 2), End = new DateOnly(2026, 10, 2) },
        AssignedTechnician = new ContactPerson { GivenName = "Ahmet", FamilyName = "Yilmaz" },
        CompletedAt = new DateTimeOffset(2026, 10, 2, 14, 45, 0, TimeSpan.FromHours(2)),
        LabourLines = [new LabourLine { Description = "Diagnose and replace fan motor", Technician = "Ahmet Yilmaz", Duration = Quantity.Of(3.25m, "h"), Rate = Money.Of(95m, "EUR"), Billable = false }],
        PartLines = [new PartLine { PartNumber = "FM-220-3", Description = "Condenser fan motor", Quantity = Quantity.Of(1, "ea"), UnitPrice = Money.Of(412.9m, "EUR"), Billable = false }],
    });

    public static Entitlement Entitlement() => Envelope(new Entitlement
    {
        Id = "ent_01J04",
        Stage = EntitlementStage.Active,
        Name = "24-month parts and labour warranty",
        Kind = EntitlementKind.Warranty,
        CustomerId = "cus_01HZX",
        ContractId = "con_01J00",
        AssetId = "ast_01J01",
        Coverage = new DateRange { Start = new DateOnly(2026, 9, 14), End = new DateOnly(2028, 9, 13) },
        IncludedVisits = 4,
        UsedVisits = 1,
        ResponseTimeHours = 8,
    });

    public static Invoice Invoice() => Envelope(new Invoice
    {
        Id = "inv_01J03",
        Stage = InvoiceStage.PartiallyPaid,
        Number = "SI-104233",
        CustomerId = "cus_01HZX",
        ProjectId = "prj_01HZY",
        ContractId = "con_01J00",
        InvoiceDate = new DateOnly(2026, 4, 1),
        DueDate = new DateOnly(2026, 5, 1),
        Currency = "EUR",
        Lines = [new InvoiceLine { LineNumber = 1, Description = "Mobilisation (10%)", Quantity = Quantity.Of(1, "ea"), UnitPrice = Money.Of(180_000m, "EUR"), Amount = Money.Of(180_000m, "EUR"), TaxRate = 0.19m }],
        Subtotal = Money.Of(180_000m, "EUR"),
        Tax = Money.Of(34_200m, "EUR"),
        Total = Money.Of(214_200.00m, "EUR"),
        AmountPaid = Money.Of(100_000.005m, "EUR"),
    });

    private static PostalAddress Address() => new()
    {
        Lines = ["Am Sandtorkai 1"],
        City = "Hamburg",
        Region = "HH",
        PostalCode = "20457",
        CountryCode = "DE",
    };

    private static T Envelope<T>(T entity)
        where T : CanonicalEntity
    {
        entity.ExternalReferences =
        [
            ExternalReference.To("crm", "0015g00000XyZ12AAB"),
            ExternalReference.To("erp", "900719925474099312"),
        ];
        entity.CreatedAt = Created;
        entity.ModifiedAt = Modified;
        entity.Version = 7;
        entity.CustomFields = new()
        {
            ["crm"] = new()
            {
                ["Region__c"] = JsonSerializer.SerializeToElement("North"),
                ["Score__c"] = JsonDocument.Parse("12345678901234567890.123").RootElement.Clone(),
            },
        };
        return entity;
    }
}
