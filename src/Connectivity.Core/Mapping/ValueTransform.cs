using System.Text.Json;

namespace Connectivity.Mapping;

/// <summary>
/// One step applied to a value after its rule produced it. Transforms run in the order they were declared.
/// </summary>
/// <param name="Kind">What the step does.</param>
public sealed record ValueTransform(ValueTransformKind Kind)
{
    /// <summary>Gets the text argument: a separator, a value map name or a padding character.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the index argument (split part, substring start).</summary>
    public int Index { get; init; }

    /// <summary>Gets the length argument (substring length, padded width).</summary>
    public int Length { get; init; }

    /// <summary>Gets the input formats of a date conversion, or the values <see cref="ValueTransformKind.NullIf"/> treats as null.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>Gets the output format of a date conversion (.NET format string); ISO 8601 when <see langword="null"/>.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>Gets how a number is read by a date conversion: as epoch seconds or milliseconds.</summary>
    public EpochUnit Epoch { get; init; } = EpochUnit.Milliseconds;

    /// <summary>Gets the value of <see cref="ValueTransformKind.Default"/>.</summary>
    public JsonElement? Value { get; init; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ValueTransformKind.Split => $"split('{Text}', {Index})",
        ValueTransformKind.Substring => $"substring({Index}, {Length})",
        ValueTransformKind.PadLeft or ValueTransformKind.PadRight => $"{Kind.ToString().ToLowerInvariant()}({Length}, '{Text}')",
        ValueTransformKind.ValueMap => $"valueMap({Text})",
        ValueTransformKind.Default => $"default({Value?.GetRawText()})",
        ValueTransformKind.NullIf => $"nullIf({string.Join(", ", Formats.Select(static f => $"'{f}'"))})",
        ValueTransformKind.ToDate or ValueTransformKind.ToDateTime when Formats.Count > 0 || OutputFormat is not null
            => $"{Kind}({string.Join(", ", Formats)} -> {OutputFormat ?? "ISO 8601"})",
        _ => Kind.ToString(),
    };
}
