using System.Globalization;

namespace Connectivity.Ownership;

/// <summary>A problem found in an ownership policy, with where it was declared.</summary>
public sealed class OwnershipPolicyError
{
    /// <summary>Initializes a new instance of the <see cref="OwnershipPolicyError"/> class.</summary>
    /// <param name="code">The stable error code (see <see cref="OwnershipErrorCodes"/>).</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="path">The JSON path of the offending value in the policy document, for example <c>$.entities.customer.fields[2].owner</c>.</param>
    /// <param name="source">Where the declaration came from: a document name, or <see langword="null"/> for C#.</param>
    /// <param name="line">The 1-based line in the document, when known.</param>
    /// <param name="position">The 1-based position in the line, in bytes, when known.</param>
    public OwnershipPolicyError(string code, string message, string path, string? source = null, long? line = null, long? position = null)
    {
        Code = code;
        Message = message;
        Path = path;
        Source = source;
        Line = line;
        Position = position;
    }

    /// <summary>Gets the stable error code (see <see cref="OwnershipErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>Gets what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Gets the JSON path of the offending value in the policy document (the same path for C# declarations).</summary>
    public string Path { get; }

    /// <summary>Gets the document the declaration came from, or <see langword="null"/> when it was declared in C#.</summary>
    public string? Source { get; }

    /// <summary>Gets the 1-based line in the document, when known.</summary>
    public long? Line { get; }

    /// <summary>Gets the 1-based byte position in the line, when known.</summary>
    public long? Position { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is null
            ? $"{Source ?? "C#"} {Path}"
            : string.Create(CultureInfo.InvariantCulture, $"{Source ?? "document"}({Line},{Position}) {Path}");
        return $"{where}: {Code}: {Message}";
    }
}
