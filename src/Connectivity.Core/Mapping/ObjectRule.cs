namespace Connectivity.Mapping;

/// <summary>Builds a JSON object from field rules; absent when every field is absent.</summary>
/// <param name="Fields">The fields of the object.</param>
public sealed record ObjectRule(IReadOnlyList<FieldMap> Fields) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"object {{ {string.Join(", ", Fields.Select(static f => f.TargetPath))} }}";
}
