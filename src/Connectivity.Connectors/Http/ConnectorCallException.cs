namespace Connectivity.Connectors.Http;

/// <summary>
/// A paged read could not go on: a page request failed after the profile did what it may. The read is safe to start again (from its
/// checkpoint); <see cref="NotBefore"/> says when. The message never contains a secret.
/// </summary>
public sealed class ConnectorCallException : Exception
{
    /// <summary>Initializes a new exception.</summary>
    public ConnectorCallException()
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message.</param>
    public ConnectorCallException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectorCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ConnectorCallException(HttpCallResult result)
        : base(result.Reason ?? result.Outcome.ToString())
    {
        Outcome = result.Outcome;
        ErrorCode = result.ErrorCode;
        NotBefore = result.NotBefore;
    }

    /// <summary>Gets what came of the failed call.</summary>
    public HttpCallOutcome Outcome { get; }

    /// <summary>Gets the stable error code of the failure.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets when to try again, when the target said.</summary>
    public DateTimeOffset? NotBefore { get; }
}
