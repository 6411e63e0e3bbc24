namespace Connectivity.Mapping;

/// <summary>A problem with a map definition or map document, found when it is loaded or built.</summary>
/// <param name="Code">The stable error code (see <see cref="MappingErrorCodes"/>).</param>
/// <param name="Path">Where in the definition: the JSON path in a map document (<c>$.fields['creditLimit.amount'].transforms[0]</c>) or the target field of a built map.</param>
/// <param name="Message">What is wrong.</param>
public sealed record MapDefinitionError(string Code, string Path, string Message)
{
    /// <summary>Gets the line in the map document (1-based), or 0 for a built map.</summary>
    public int LineNumber { get; init; }

    /// <summary>Gets the position on the line (1-based), or 0 for a built map.</summary>
    public int LinePosition { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => LineNumber > 0 ? $"{Code} ({LineNumber},{LinePosition}) {Path}: {Message}" : $"{Code} {Path}: {Message}";
}
