namespace Connectivity.Canonical.Schemas;

/// <summary>One way a canonical JSON document breaks its entity's schema.</summary>
/// <param name="Code">The stable error code (see <see cref="SchemaErrorCodes"/>).</param>
/// <param name="Path">The JSON path of the offending value, for example <c>$.contacts[0].email</c>; <c>$</c> for the document.</param>
/// <param name="Message">A sentence naming the path and what is wrong with it.</param>
/// <param name="LineNumber">The line the offending value is on (1-based), or 0 when unknown.</param>
/// <param name="LinePosition">The position on that line, or 0 when unknown.</param>
public sealed record SchemaValidationError(string Code, string Path, string Message, int LineNumber, int LinePosition)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {Path}: {Message}";
}
