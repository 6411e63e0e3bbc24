using Connectivity.Canonical;
using Connectivity.Canonical.Schemas;
using Connectivity.Canonical.Serialization;
using Connectivity.Testing.Canonical;

namespace Connectivity.Testing.Tests.Canonical;

public sealed class CanonicalFixturesTests
{
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
}
