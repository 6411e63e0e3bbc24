namespace Connectivity.Samples.ProjectLifecycle;

internal static partial class SampleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused: {Result}")]
    public static partial void Refused(ILogger logger, string result);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rejected: {Decision}")]
    public static partial void Rejected(ILogger logger, Connectivity.ChangeTracking.FieldDecision decision);
}
