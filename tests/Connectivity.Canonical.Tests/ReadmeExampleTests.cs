using Connectivity.Canonical.Schemas;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical.Tests;

/// <summary>The code example on the README's first screen does what its comments say.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_ValidatesAndChecksLifecycleAsDocumented()
    {
        var customer = new Customer
        {
            Id = "cus_1",
            Name = "Nordwind",
            Stage = CustomerStage.Prospect,
            CreditLimit = Money.Of(250_000.00m, "eur"),
        };
        var json = CanonicalJson.Serialize(customer);
        var result = CanonicalSchemas.Validate<Customer>(json);
        var canActivate = CanonicalLifecycles.Customer.CanTransition("prospect", "active");

        Assert.Contains("\"amount\":250000.00", json, StringComparison.Ordinal);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CNX3003 $.creditLimit.currency: ", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("^[A-Z]{3}$.", error.ToString(), StringComparison.Ordinal);
        Assert.True(canActivate);
        Assert.Contains("Money.Of(250_000.00m, \"eur\")", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);
    }
}
