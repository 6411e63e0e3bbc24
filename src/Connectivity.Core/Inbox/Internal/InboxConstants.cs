namespace Connectivity.Inbox.Internal;

internal static class InboxConstants
{
    public static readonly TimeSpan DefaultDeduplicationWindow = TimeSpan.FromDays(7);
}
