using Connectivity.Lifecycle;

namespace Connectivity.Core.Tests.Lifecycle;

public sealed class LifecycleDefinitionTests
{
    private static readonly LifecycleDefinition WorkOrder = new LifecycleBuilder("workOrder")
        .InitialStage("new")
        .Transition("new", "scheduled", "cancelled")
        .Transition("scheduled", "dispatched", "cancelled")
        .Transition("dispatched", "completed")
        .Build();

    [Theory]
    [InlineData("new", "scheduled")]
    [InlineData("scheduled", "dispatched")]
    [InlineData("dispatched", "completed")]
    [InlineData("scheduled", "scheduled")]
    public void CheckTransition_AllowedMove_IsAllowed(string from, string to)
    {
        var check = WorkOrder.CheckTransition(from, to);

        Assert.True(check.IsAllowed);
        Assert.Null(check.ErrorCode);
        Assert.Null(check.Message);
        Assert.Equal(from, check.From);
        Assert.Equal(to, check.To);
    }

    [Fact]
    public void CheckTransition_SkippingAStage_IsRefusedWithTheAllowedNextStages()
    {
        var check = WorkOrder.CheckTransition("new", "completed");

        Assert.False(check.IsAllowed);
        Assert.Equal(LifecycleErrorCodes.TransitionNotAllowed, check.ErrorCode);
        Assert.Equal("A workOrder cannot move from 'new' to 'completed'; allowed next stages: scheduled, cancelled.", check.Message);
    }

    [Fact]
    public void CheckTransition_FromTerminalStage_SaysNone()
    {
        var check = WorkOrder.CheckTransition("cancelled", "new");

        Assert.Equal(LifecycleErrorCodes.TransitionNotAllowed, check.ErrorCode);
        Assert.EndsWith("allowed next stages: none.", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lost", "new")]
    [InlineData("new", "lost")]
    public void CheckTransition_UnknownStage_IsRefusedAsUnknown(string from, string to)
    {
        var check = WorkOrder.CheckTransition(from, to);

        Assert.Equal(LifecycleErrorCodes.UnknownStage, check.ErrorCode);
        Assert.Contains("'lost' is not a stage of the workOrder lifecycle", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckTransition_IsCaseSensitive()
    {
        Assert.Equal(LifecycleErrorCodes.UnknownStage, WorkOrder.CheckTransition("New", "scheduled").ErrorCode);
    }

    [Fact]
    public void GetNextStages_ReturnsDeclaredOrder()
    {
        Assert.Equal(["scheduled", "cancelled"], WorkOrder.GetNextStages("new"));
        Assert.Empty(WorkOrder.GetNextStages("completed"));
    }

    [Fact]
    public void GetNextStages_UnknownStage_Throws()
    {
        Assert.Throws<ArgumentException>(() => WorkOrder.GetNextStages("lost"));
    }

    [Fact]
    public void IsTerminal_TellsEndStagesApart()
    {
        Assert.True(WorkOrder.IsTerminal("completed"));
        Assert.True(WorkOrder.IsTerminal("cancelled"));
        Assert.False(WorkOrder.IsTerminal("dispatched"));
    }

    [Fact]
    public void CanTransition_NullStage_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => WorkOrder.CanTransition(null!, "new"));
        Assert.Throws<ArgumentNullException>(() => WorkOrder.CanTransition("new", null!));
    }
}
