using Connectivity.Lifecycle;

namespace Connectivity.Canonical.Tests;

public sealed class CanonicalLifecyclesTests
{
    [Fact]
    public void EveryEntity_HasALifecycleCoveringEachStageMember()
    {
        Assert.Equal(8, CanonicalModel.EntityTypes.Count);
        foreach (var entityType in CanonicalModel.EntityTypes)
        {
            var stageEnum = entityType.ClrType.BaseType!.GetGenericArguments()[0];
            var expected = Enum.GetNames(stageEnum).Select(static n => char.ToLowerInvariant(n[0]) + n[1..]);

            Assert.Equal(expected, entityType.Lifecycle.Stages);
            Assert.Equal(entityType.Name, entityType.Lifecycle.EntityType);
        }
    }

    [Theory]
    [InlineData("customer", "prospect", "active", true)]
    [InlineData("customer", "active", "onHold", true)]
    [InlineData("customer", "inactive", "prospect", false)]
    [InlineData("project", "awarded", "mobilized", true)]
    [InlineData("project", "inProgress", "substantiallyComplete", true)]
    [InlineData("project", "awarded", "substantiallyComplete", false)]
    [InlineData("project", "closed", "inProgress", false)]
    [InlineData("workOrder", "new", "dispatched", true)]
    [InlineData("workOrder", "dispatched", "inProgress", true)]
    [InlineData("workOrder", "completed", "inProgress", true)]
    [InlineData("workOrder", "closed", "new", false)]
    [InlineData("workOrder", "new", "completed", false)]
    [InlineData("invoice", "draft", "posted", true)]
    [InlineData("invoice", "posted", "partiallyPaid", true)]
    [InlineData("invoice", "paid", "draft", false)]
    [InlineData("invoice", "void", "posted", false)]
    [InlineData("entitlement", "pending", "active", true)]
    [InlineData("entitlement", "expired", "active", false)]
    [InlineData("asset", "installed", "inService", true)]
    [InlineData("asset", "retired", "inService", false)]
    [InlineData("contract", "draft", "active", true)]
    [InlineData("contract", "completed", "active", false)]
    [InlineData("site", "planned", "active", true)]
    [InlineData("site", "decommissioned", "active", false)]
    public void CanTransition_FollowsTheDocumentedLifecycle(string entity, string from, string to, bool allowed)
    {
        Assert.Equal(allowed, CanonicalModel.Get(entity).Lifecycle.CanTransition(from, to));
    }

    [Fact]
    public void TerminalStages_AreTheDocumentedEnds()
    {
        string[] Terminal(LifecycleDefinition l) => [.. l.Stages.Where(l.IsTerminal)];

        Assert.Equal(["closed", "cancelled"], Terminal(CanonicalLifecycles.Project));
        Assert.Equal(["closed", "cancelled"], Terminal(CanonicalLifecycles.WorkOrder));
        Assert.Equal(["paid", "void"], Terminal(CanonicalLifecycles.Invoice));
        Assert.Empty(Terminal(CanonicalLifecycles.Customer));
    }

    [Fact]
    public void CanonicalModel_GetUnknownName_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => CanonicalModel.Get("opportunity"));

        Assert.Contains("workOrder", ex.Message, StringComparison.Ordinal);
        Assert.False(CanonicalModel.TryGet("Customer", out _));
        Assert.Same(CanonicalModel.Get("customer"), CanonicalModel.Get<Customer>());
    }
}
