namespace Connectivity.Mapping;

/// <summary>Thrown when a map built in code is invalid: broken configuration, found at start-up rather than in production.</summary>
public sealed class MapDefinitionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="MapDefinitionException"/> class.</summary>
    public MapDefinitionException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MapDefinitionException"/> class.</summary>
    /// <param name="message">The message.</param>
    public MapDefinitionException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="MapDefinitionException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MapDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="MapDefinitionException"/> class.</summary>
    /// <param name="errors">Every problem found.</param>
    public MapDefinitionException(IReadOnlyList<MapDefinitionError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<MapDefinitionError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<MapDefinitionError> errors)
        => errors.Count == 0
            ? "The map is invalid."
            : $"The map is invalid ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
