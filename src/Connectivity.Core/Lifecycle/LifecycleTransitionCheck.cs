namespace Connectivity.Lifecycle;

/// <summary>The outcome of <see cref="LifecycleDefinition.CheckTransition(string, string)"/>.</summary>
public readonly record struct LifecycleTransitionCheck
{
    private LifecycleTransitionCheck(string from, string to, string? errorCode, string? message)
    {
        From = from;
        To = to;
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>Gets the current stage.</summary>
    public string From { get; }

    /// <summary>Gets the requested stage.</summary>
    public string To { get; }

    /// <summary>Gets whether the move is allowed.</summary>
    public bool IsAllowed => ErrorCode is null;

    /// <summary>Gets the stable error code when the move is refused (see <see cref="LifecycleErrorCodes"/>); otherwise <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets why the move is refused; otherwise <see langword="null"/>.</summary>
    public string? Message { get; }

    internal static LifecycleTransitionCheck Allowed(string from, string to) => new(from, to, null, null);

    internal static LifecycleTransitionCheck Refused(string from, string to, string code, string message) => new(from, to, code, message);
}
