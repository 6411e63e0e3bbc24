namespace Connectivity.Samples.ProjectLifecycle;

internal static partial class SampleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused: {Result}")]
    public static partial void Refused(ILogger logger, string result);
}
