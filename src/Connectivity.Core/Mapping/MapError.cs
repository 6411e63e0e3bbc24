namespace Connectivity.Mapping;

/// <summary>Why one record, or one field of it, could not be mapped.</summary>
/// <param name="Code">The stable error code (see <see cref="MappingErrorCodes"/>).</param>
/// <param name="TargetField">The target field, or an empty string when the whole record failed.</param>
/// <param name="SourcePath">The source path involved, when there is one.</param>
/// <param name="Message">A sentence saying what is wrong, naming the field and the value's position, never the whole record.</param>
public sealed record MapError(string Code, string TargetField, string? SourcePath, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {TargetField}: {Message}";
}
