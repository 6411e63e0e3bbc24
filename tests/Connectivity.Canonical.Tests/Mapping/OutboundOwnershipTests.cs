using Connectivity.Canonical.Ownership;
using Connectivity.Mapping;

namespace Connectivity.Canonical.Tests.Mapping;

/// <summary>An outbound map that would write a field its target system owns at every stage is refused when it is built.</summary>
public sealed class OutboundOwnershipTests
{
    [Fact]
    public void ExampleOutboundMap_UnderTheDefaultPolicy_IsRefusedForEveryFieldErpOwnsAtEveryStage()
    {
        // The example (a benchmark transform) sends every customer field to ERP; under the default policy ERP owns
        // number, payment terms, currency and tax id at every stage, so a real outbound map must leave them out.
        var options = new MapCompilerOptions { Ownership = CanonicalOwnershipPolicy.Default };

        var result = MapDocumentLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "docs", "examples", "canonical-customer-to-erp-customer.map.json"), options);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["$.fields.number", "$.fields.paymentTermsCode", "$.fields.currency", "$.fields.taxId"],
            result.Errors.Select(static e => e.Path));
        Assert.All(result.Errors, static e => Assert.Equal("CNX2010", e.Code));
        Assert.Contains("customer field 'paymentTerms' to erp, which owns it at every stage", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal((18, 5), (result.Errors[1].LineNumber, result.Errors[1].LinePosition));
    }

    [Fact]
    public void Build_OutboundMapWritingAFieldTheTargetAlwaysOwns_IsRefusedNamingFieldAndOwner()
    {
        var options = new MapCompilerOptions { Ownership = CanonicalOwnershipPolicy.Default };
        var owned = FindFieldOwnedAtEveryStage("customer");
        var builder = new MapBuilder("canonical-customer-to-owner")
            .From("canonical", "customer")
            .To(owned.Owner)
            .Field("name", r => r.Copy("name"))
            .Field("written", r => r.Copy(owned.Path));

        var ex = Assert.Throws<MapDefinitionException>(() => builder.Build(options));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("written", error.Path);
        Assert.StartsWith("CNX2", error.Code, StringComparison.Ordinal);
        Assert.Contains(owned.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(owned.Owner, error.Message, StringComparison.Ordinal);
    }

    private static (string Path, string Owner) FindFieldOwnedAtEveryStage(string entity)
    {
        var policy = CanonicalOwnershipPolicy.Default;
        var stages = CanonicalModel.Get(entity).Lifecycle.Stages;
        foreach (var rule in policy.GetRules(entity))
        {
            if (rule.FieldPath is not null && !rule.FieldPath.Contains('*', StringComparison.Ordinal) && stages.All(s => policy.GetOwner(entity, rule.FieldPath, s) == rule.Owner))
            {
                return (rule.FieldPath!, rule.Owner);
            }
        }

        throw new InvalidOperationException("The default policy has no customer field owned by one system at every stage.");
    }
}
