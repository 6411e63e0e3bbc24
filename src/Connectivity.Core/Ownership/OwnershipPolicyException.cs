namespace Connectivity.Ownership;

/// <summary>Thrown by <see cref="OwnershipPolicyBuilder.Build"/> when the policy is not valid: broken configuration.</summary>
public sealed class OwnershipPolicyException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OwnershipPolicyException"/> class.</summary>
    public OwnershipPolicyException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OwnershipPolicyException"/> class.</summary>
    /// <param name="message">The message.</param>
    public OwnershipPolicyException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="OwnershipPolicyException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OwnershipPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="OwnershipPolicyException"/> class.</summary>
    /// <param name="errors">The problems found.</param>
    public OwnershipPolicyException(IReadOnlyList<OwnershipPolicyError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors ?? [];
    }

    /// <summary>Gets the problems found, each with its code and location.</summary>
    public IReadOnlyList<OwnershipPolicyError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<OwnershipPolicyError>? errors)
        => errors is null || errors.Count == 0
            ? "The ownership policy is not valid."
            : $"The ownership policy is not valid ({errors.Count} error(s)):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
