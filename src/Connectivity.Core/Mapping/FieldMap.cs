namespace Connectivity.Mapping;

/// <summary>Says how one target field is produced.</summary>
/// <param name="TargetPath">The target field, dotted for nested objects (<c>creditLimit.amount</c>).</param>
/// <param name="Rule">The rule producing its value.</param>
public sealed record FieldMap(string TargetPath, ValueRule Rule);
