using Connectivity.Inbox.Internal;

namespace Connectivity.Inbox;

/// <summary>Options of the inbox stores.</summary>
public sealed class InboxOptions
{
    /// <summary>Gets or sets how long a received delivery is remembered for de-duplication.</summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan DeduplicationWindow { get; set; } = InboxConstants.DefaultDeduplicationWindow;
}
