using Connectivity.Canonical;
using Connectivity.Canonical.Schemas;
using Connectivity.Canonical.Serialization;
using Connectivity.Testing.Canonical;

namespace Connectivity.Testing.Tests.Canonical;

public sealed class CanonicalFixturesTests
{
    public static TheoryData<string> Builders => [.. BuilderTable.Keys];

    private static readonly Dictionary<string, Func<(CanonicalEntity Entity, string Json, Func<string, SchemaValidationResult> Validate, Func<string, string> RoundTrip)>> BuilderTable = new()
    {
        ["Customer"] = () => Case(CanonicalFixtures.Customer()),
        ["Project"] = () => Case(CanonicalFixtures.Project()),
        ["WorkOrder"] = () => Case(CanonicalFixtures.WorkOrder()),
        ["Invoice"] = () => Case(CanonicalFixtures.Invoice()),
        ["Contract"] = () => Case(CanonicalFixtures.Contract()),
        ["Site"] = () => Case(CanonicalFixtures.Site()),
        ["Asset"] = () => Case(CanonicalFixtures.Asset()),
        ["Entitlement"] = () => Case(CanonicalFixtures.Entitlement()),
    };

    [Fact]
    public void Fixtures_AreValidAgainstTheirSchemasAndUnique()
    {
        var first = CanonicalFixtures.Customer();
        var second = CanonicalFixtures.Customer(c => c.Name = "Other");

        Assert.True(CanonicalSchemas.Validate<Customer>(CanonicalJson.Serialize(first)).IsValid);
        Assert.True(CanonicalSchemas.Validate<Project>(CanonicalJson.Serialize(CanonicalFixtures.Project(first.Id))).IsValid);
        Assert.True(CanonicalSchemas.Validate<WorkOrder>(CanonicalJson.Serialize(CanonicalFixtures.WorkOrder(first.Id))).IsValid);
        Assert.True(CanonicalSchemas.Validate<Invoice>(CanonicalJson.Serialize(CanonicalFixtures.Invoice(first.Id))).IsValid);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("Other", second.Name);
        Assert.Equal(CanonicalFixtures.Timestamp, second.ModifiedAt);
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void Builder_Default_PassesItsSchema(string builder)
    {
        var (_, json, validate, _) = BuilderTable[builder]();

        var result = validate(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(static e => $"{e.Code} {e.Path}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void Builder_Default_RoundTripsThroughCanonicalJson(string builder)
    {
        var (_, json, _, roundTrip) = BuilderTable[builder]();

        Assert.Equal(json, roundTrip(json));
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void Builder_Default_HasTheFixedTimestampAndAUniqueId(string builder)
    {
        var (first, _, _, _) = BuilderTable[builder]();
        var (second, _, _, _) = BuilderTable[builder]();

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(CanonicalFixtures.Timestamp, first.CreatedAt);
        Assert.Equal(CanonicalFixtures.Timestamp, first.ModifiedAt);
    }

    [Fact]
    public void Contract_Default_HasABillingScheduleThatAddsUpAndAnApprovedChangeOrder()
    {
        var contract = CanonicalFixtures.Contract("cus_1");

        Assert.Equal("cus_1", contract.CustomerId);
        Assert.Equal(contract.OriginalValue.Amount, contract.BillingSchedule.Sum(static m => m.Amount.Amount));
        Assert.Equal(contract.OriginalValue.Amount, contract.Lines.Sum(static l => l.Amount.Amount));
        var change = Assert.Single(contract.ChangeOrders);
        Assert.Equal(ChangeOrderStatus.Approved, change.Status);
    }

    [Fact]
    public void Builders_Configure_ChangesOnlyWhatTheTestIsAbout()
    {
        var site = CanonicalFixtures.Site("cus_1", s => s.Stage = SiteStage.Planned);
        var asset = CanonicalFixtures.Asset("cus_1", a => a.SiteId = site.Id);
        var entitlement = CanonicalFixtures.Entitlement("cus_1", e => e.AssetId = asset.Id);
        var contract = CanonicalFixtures.Contract("cus_1", c => c.Stage = ContractStage.Draft);

        Assert.Equal(SiteStage.Planned, site.Stage);
        Assert.Equal("Harbour Tower", site.Name);
        Assert.Equal(site.Id, asset.SiteId);
        Assert.Equal(asset.Id, entitlement.AssetId);
        Assert.Equal(ContractStage.Draft, contract.Stage);
        Assert.Equal(3, contract.BillingSchedule.Count);
    }

    private static (CanonicalEntity, string, Func<string, SchemaValidationResult>, Func<string, string>) Case<T>(T entity)
        where T : CanonicalEntity =>
        (entity, CanonicalJson.Serialize(entity), static json => CanonicalSchemas.Validate<T>(json), static json => CanonicalJson.Serialize(CanonicalJson.Deserialize<T>(json)));
}
