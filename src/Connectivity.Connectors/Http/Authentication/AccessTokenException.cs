namespace Connectivity.Connectors.Http.Authentication;

/// <summary>No access token could be obtained. The message names the token endpoint's status or OAuth error code, never a secret.</summary>
public sealed class AccessTokenException : Exception
{
    /// <summary>Initializes a new exception.</summary>
    public AccessTokenException()
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message; it must not contain a secret.</param>
    public AccessTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message; it must not contain a secret.</param>
    /// <param name="innerException">The cause.</param>
    public AccessTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message; it must not contain a secret.</param>
    /// <param name="isTransient">Whether trying again later may succeed (the token endpoint was unreachable or answered 5xx).</param>
    public AccessTokenException(string message, bool isTransient)
        : base(message)
    {
        IsTransient = isTransient;
    }

    /// <summary>Gets a value indicating whether trying again later may succeed.</summary>
    public bool IsTransient { get; }
}
