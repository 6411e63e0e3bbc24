using Connectivity.Ownership;

namespace Connectivity.Core.Tests.Ownership;

public sealed class OwnershipPolicyBuilderTests
{
    [Theory]
    [InlineData("title", "open", "desk")]
    [InlineData("title", "triaged", "desk")]
    [InlineData("stage", "open", "desk")]
    [InlineData("stage", "triaged", "ops")]
    [InlineData("priority", "open", "desk")]
    [InlineData("priority", "closed", "ops")]
    [InlineData("lines[7].amount", "open", "billing")]
    [InlineData("lines[7].amount.currency", "open", "billing")]
    [InlineData("lines[7].text", "open", "desk")]
    [InlineData("address.city", "open", "ops")]
    [InlineData("address", "open", "desk")]
    public void GetOwner_PolicyFromCSharp_ResolvesByPathAndStage(string path, string stage, string owner)
        => Assert.Equal(owner, TestCatalog.Policy.GetOwner("ticket", path, stage));

    [Fact]
    public void GetOwner_EquallySpecificRules_LaterWins()
    {
        var policy = TestCatalog.CreateBuilder().Entity("ticket", t => t.Field("address.*", "billing")).Build();

        Assert.Equal("billing", policy.GetOwner("ticket", "address.city", "open"));
    }

    [Fact]
    public void GetOwner_MoreSpecificRuleDeclaredEarlier_StillWins()
    {
        var policy = TestCatalog.CreateBuilder().Entity("ticket", t => t.Field("lines", "ops")).Build();

        Assert.Equal("billing", policy.GetOwner("ticket", "lines[0].amount", "open"));
        Assert.Equal("ops", policy.GetOwner("ticket", "lines[0].text", "open"));
    }

    [Fact]
    public void ToBuilder_Override_LeavesOriginalUnchanged()
    {
        var changed = TestCatalog.Policy.ToBuilder().Entity("ticket", t => t.Field("title", "ops")).Build();

        Assert.Equal("ops", changed.GetOwner("ticket", "title", "open"));
        Assert.Equal("desk", TestCatalog.Policy.GetOwner("ticket", "title", "open"));
    }

    [Fact]
    public void Build_UnknownEntity_ReportsCodeAndPath()
    {
        var builder = TestCatalog.CreateBuilder().Entity("invoice", i => i.DefaultOwner("desk"));

        var error = Assert.Single(Assert.Throws<OwnershipPolicyException>(() => builder.Build()).Errors);

        Assert.Equal(OwnershipErrorCodes.UnknownEntity, error.Code);
        Assert.Equal("$.entities.invoice", error.Path);
    }

    [Fact]
    public void TryBuild_UnknownFieldStageAndSystem_ReportsEachWithItsLocation()
    {
        var builder = TestCatalog.CreateBuilder().Entity("ticket", t => t
            .Field("colour", "desk")
            .Field("title", "desk", "archived")
            .Field("notes", "sales"));

        Assert.False(builder.TryBuild(out var policy, out var errors));
        Assert.Null(policy);
        Assert.Equal(
            [
                (OwnershipErrorCodes.UnknownField, "$.entities.ticket.fields[5].path"),
                (OwnershipErrorCodes.UnknownStage, "$.entities.ticket.fields[6].stages[0]"),
                (OwnershipErrorCodes.UnknownSystem, "$.entities.ticket.fields[7].owner"),
            ],
            errors.Select(static e => (e.Code, e.Path)).OrderBy(static e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Build_MalformedPath_ReportsInvalidFieldPath()
    {
        var errors = TestCatalog.CreateBuilder().Entity("ticket", t => t.Field("lines[x]", "desk")).Validate();

        Assert.Equal(OwnershipErrorCodes.InvalidFieldPath, Assert.Single(errors).Code);
    }

    [Fact]
    public void Build_NoDefaultOwner_ReportsMissingDefaultOwner()
    {
        var errors = new OwnershipPolicyBuilder(TestCatalog.Instance).AddSystems("desk").Entity("ticket", t => t.Field("title", "desk")).Validate();

        var error = Assert.Single(errors);
        Assert.Equal(OwnershipErrorCodes.MissingDefaultOwner, error.Code);
        Assert.Contains("open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PolicyWideDefault_CoversEntityWithoutOne()
    {
        var policy = new OwnershipPolicyBuilder(TestCatalog.Instance).AddSystems("desk").DefaultOwner("desk").Build();

        Assert.Equal("desk", policy.GetOwner("ticket", "notes", "closed"));
    }

    [Fact]
    public void AddJson_ValidDocument_BuildsSamePolicyAsCSharp()
    {
        const string json = """
            {
              "systems": ["desk", "ops", "billing"],
              "entities": {
                "ticket": {
                  "defaultOwner": "desk",
                  "fields": [
                    { "path": "stage", "owner": "desk", "stages": ["open"] },
                    { "path": "stage", "owner": "ops", "stages": ["triaged", "closed"] },
                    { "path": "lines[*].amount", "owner": "billing" }
                  ]
                }
              }
            }
            """;

        var policy = new OwnershipPolicyBuilder(TestCatalog.Instance).AddJson(json, "ticket.json").Build();

        Assert.Equal("ops", policy.GetOwner("ticket", "stage", "triaged"));
        Assert.Equal("billing", policy.GetOwner("ticket", "lines[0].amount", "open"));
        Assert.Equal("desk", policy.GetOwner("ticket", "title", "closed"));
    }

    [Fact]
    public void AddJson_UnknownNames_ReportLineAndPosition()
    {
        const string json = "{\n  \"systems\": [\"desk\"],\n  \"entities\": {\n    \"ticket\": {\n      \"defaultOwner\": \"desk\",\n      \"fields\": [\n        { \"path\": \"colour\", \"owner\": \"desk\" },\n        { \"path\": \"title\", \"owner\": \"sales\", \"stages\": [\"open\", \"gone\"] }\n      ]\n    },\n    \"order\": {}\n  }\n}";

        var errors = new OwnershipPolicyBuilder(TestCatalog.Instance).AddJson(json, "ticket.json").Validate().ToDictionary(static e => e.Path);

        Assert.Equal(4, errors.Count);
        var field = errors["$.entities.ticket.fields[0].path"];
        Assert.Equal((OwnershipErrorCodes.UnknownField, 7L, 11L, "ticket.json"), (field.Code, field.Line!.Value, field.Position!.Value, field.Source!));
        var owner = errors["$.entities.ticket.fields[1].owner"];
        Assert.Equal((OwnershipErrorCodes.UnknownSystem, 8L), (owner.Code, owner.Line!.Value));
        var stage = errors["$.entities.ticket.fields[1].stages[1]"];
        Assert.Equal((OwnershipErrorCodes.UnknownStage, 8L), (stage.Code, stage.Line!.Value));
        var entity = errors["$.entities.order"];
        Assert.Equal((OwnershipErrorCodes.UnknownEntity, 11L, 5L), (entity.Code, entity.Line!.Value, entity.Position!.Value));
        Assert.StartsWith("ticket.json(7,11)", field.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"systems\": [\"desk\"], ")]
    [InlineData("{ \"systems\": \"desk\" }")]
    [InlineData("{ \"owners\": [] }")]
    public void AddJson_NotAPolicyDocument_ReportsInvalidDocumentWithLine(string json)
    {
        var errors = new OwnershipPolicyBuilder(TestCatalog.Instance).AddJson(json).Validate();

        var error = errors.First(static e => e.Code == OwnershipErrorCodes.InvalidDocument);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void AddJson_OverridesEarlierCSharpDeclarations()
    {
        const string json = """{ "entities": { "ticket": { "fields": [ { "path": "title", "owner": "ops" } ] } } }""";

        var policy = TestCatalog.CreateBuilder().AddJson(json).Build();

        Assert.Equal("ops", policy.GetOwner("ticket", "title", "open"));
    }

    [Fact]
    public void CheckOutboundMap_FieldTargetOwnsAtEveryStage_RefusedNamingFieldAndOwner()
    {
        var errors = TestCatalog.Policy.CheckOutboundMap("billing", "ticket", ["title", "lines[*].amount", "priority"]);

        var error = Assert.Single(errors);
        Assert.Equal(OwnershipErrorCodes.OutboundWriteToOwnedField, error.Code);
        Assert.Equal("lines[*].amount", error.Path);
        Assert.Contains("'lines[*].amount'", error.Message, StringComparison.Ordinal);
        Assert.Contains("billing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutboundMap_FieldTargetOwnsOnlyAtSomeStages_Allowed()
    {
        // ops owns priority once triaged, desk before: a map writing it to ops is legitimate while open.
        Assert.Empty(TestCatalog.Policy.CheckOutboundMap("ops", "ticket", ["priority", "stage", "title"]));
    }

    [Fact]
    public void CheckOutboundMap_ObjectWithOwnedMembers_RefusesTheOwnedLeaves()
    {
        var errors = TestCatalog.Policy.CheckOutboundMap("ops", "ticket", ["address", "lines[2].amount"]);

        Assert.Equal(["address.city", "address.street"], errors.Select(static e => e.Path));
    }

    [Fact]
    public void CheckOutboundMap_UnknownField_ReportsUnknownField()
    {
        var error = Assert.Single(TestCatalog.Policy.CheckOutboundMap("ops", "ticket", ["colour"]));

        Assert.Equal(OwnershipErrorCodes.UnknownField, error.Code);
    }

    [Fact]
    public void GetOwner_UnknownStage_Throws()
        => Assert.Throws<ArgumentException>(() => TestCatalog.Policy.GetOwner("ticket", "title", "archived"));

    [Fact]
    public void GetRules_ListsDeclarationsInOrder()
    {
        var rules = TestCatalog.Policy.GetRules("ticket");

        Assert.Equal(6, rules.Count);
        Assert.Null(rules[0].FieldPath);
        Assert.Equal(["triaged", "closed"], rules[2].Stages);
    }
}
