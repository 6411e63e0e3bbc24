namespace Connectivity.Testing.Golden;

/// <summary>Thrown when output differs from its golden file; the message holds a line diff, and the received output is on disk beside the golden file.</summary>
public sealed class GoldenFileMismatchException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GoldenFileMismatchException"/> class.</summary>
    public GoldenFileMismatchException()
    {
        GoldenPath = string.Empty;
        ReceivedPath = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="GoldenFileMismatchException"/> class.</summary>
    /// <param name="message">The message.</param>
    public GoldenFileMismatchException(string message)
        : base(message)
    {
        GoldenPath = string.Empty;
        ReceivedPath = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="GoldenFileMismatchException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GoldenFileMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        GoldenPath = string.Empty;
        ReceivedPath = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="GoldenFileMismatchException"/> class.</summary>
    /// <param name="message">The message, with the diff.</param>
    /// <param name="goldenPath">The golden file.</param>
    /// <param name="receivedPath">Where the received output was written.</param>
    public GoldenFileMismatchException(string message, string goldenPath, string receivedPath)
        : base(message)
    {
        GoldenPath = goldenPath;
        ReceivedPath = receivedPath;
    }

    /// <summary>Gets the golden file compared with.</summary>
    public string GoldenPath { get; }

    /// <summary>Gets the file the received output was written to; renaming it to <see cref="GoldenPath"/> accepts it.</summary>
    public string ReceivedPath { get; }
}
