namespace Connectivity.Testing.Http;

/// <summary>Thrown by <see cref="ReplayHandler"/> for a request no unused recorded exchange matches.</summary>
public sealed class ReplayMismatchException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ReplayMismatchException"/> class.</summary>
    public ReplayMismatchException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReplayMismatchException"/> class.</summary>
    /// <param name="message">What was asked and what the cassette still holds.</param>
    public ReplayMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReplayMismatchException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReplayMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
