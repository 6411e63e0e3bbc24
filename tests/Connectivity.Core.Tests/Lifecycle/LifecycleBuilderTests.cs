using Connectivity.Lifecycle;

namespace Connectivity.Core.Tests.Lifecycle;

public sealed class LifecycleBuilderTests
{
    [Fact]
    public void Build_ListsStagesInDeclarationOrder()
    {
        var lifecycle = new LifecycleBuilder("invoice")
            .InitialStage("draft")
            .Transition("draft", "posted", "void")
            .Transition("posted", "paid")
            .Build();

        Assert.Equal(["draft", "posted", "void", "paid"], lifecycle.Stages);
        Assert.Equal("draft", lifecycle.InitialStage);
        Assert.Equal("invoice", lifecycle.EntityType);
    }

    [Fact]
    public void Build_WithoutInitialStage_Throws()
    {
        var builder = new LifecycleBuilder("invoice").Transition("draft", "posted");

        var ex = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("no initial stage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnreachableStage_ThrowsNamingIt()
    {
        var builder = new LifecycleBuilder("invoice")
            .InitialStage("draft")
            .Transition("draft", "posted")
            .Transition("archived", "posted");

        var ex = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("archived", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwiceFromOneBuilder_GivesIndependentDefinitions()
    {
        var builder = new LifecycleBuilder("site").InitialStage("planned").Transition("planned", "active");
        var first = builder.Build();

        builder.Transition("active", "decommissioned");
        var second = builder.Build();

        Assert.False(first.ContainsStage("decommissioned"));
        Assert.True(second.CanTransition("active", "decommissioned"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankEntityType_Throws(string? entityType)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LifecycleBuilder(entityType!));
    }

    [Fact]
    public void Transition_WithNoTargets_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LifecycleBuilder("site").Transition("planned"));
    }
}
