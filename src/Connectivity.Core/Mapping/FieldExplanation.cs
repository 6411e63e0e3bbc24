namespace Connectivity.Mapping;

/// <summary>How one target field is produced.</summary>
/// <param name="TargetPath">The target field; <c>[]</c> marks each element of an array (<c>contacts[].fullName</c>).</param>
/// <param name="SourcePaths">Every source path read for it, absolute from the record root.</param>
/// <param name="Rules">The rule and its transforms, in the order they run.</param>
/// <param name="Functions">The host functions called.</param>
/// <param name="ValueMaps">The value maps looked up.</param>
public sealed record FieldExplanation(
    string TargetPath,
    IReadOnlyList<string> SourcePaths,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Functions,
    IReadOnlyList<string> ValueMaps);
