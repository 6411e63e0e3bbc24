using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>Why one record, or one field of it, could not be mapped.</summary>
/// <param name="Code">The stable error code (see <see cref="MappingErrorCodes"/>).</param>
/// <param name="TargetField">The target field, or an empty string when the whole record failed.</param>
/// <param name="SourcePath">The source path involved, when there is one.</param>
/// <param name="Message">A sentence saying what is wrong, naming the field and the value's position, never the whole record.</param>
public sealed record MapError(string Code, string TargetField, string? SourcePath, string Message)
{
    /// <summary>
    /// Writes the error as the JSON object error streams and golden files use:
    /// <c>{"code": ..., "target": ..., "source": ..., "message": ...}</c> (<c>source</c> only when there is one).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteTo(System.Text.Json.Utf8JsonWriter writer)
    {
        Guard.Against.Null(writer);
        writer.WriteStartObject();
        writer.WriteString("code"u8, Code);
        writer.WriteString("target"u8, TargetField);
        if (SourcePath is not null)
        {
            writer.WriteString("source"u8, SourcePath);
        }

        writer.WriteString("message"u8, Message);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {TargetField}: {Message}";
}
