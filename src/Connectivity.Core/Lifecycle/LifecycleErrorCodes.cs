namespace Connectivity.Lifecycle;

/// <summary>Stable error codes for lifecycle checks. The full list is in <c>docs/error-codes.md</c>.</summary>
public static class LifecycleErrorCodes
{
    /// <summary>A stage name is not part of the lifecycle.</summary>
    public const string UnknownStage = "CNX4001";

    /// <summary>The lifecycle does not allow the requested move between two known stages.</summary>
    public const string TransitionNotAllowed = "CNX4002";
}
