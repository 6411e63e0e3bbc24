namespace Connectivity.Testing.Fakes;

/// <summary>Thrown by the assertions of a <see cref="FakeSystem"/>; the message says what was expected, what the system holds,
/// and the records involved.</summary>
public sealed class FakeSystemAssertionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FakeSystemAssertionException"/> class.</summary>
    public FakeSystemAssertionException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FakeSystemAssertionException"/> class.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public FakeSystemAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FakeSystemAssertionException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FakeSystemAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
