namespace Connectivity.Mapping;

/// <summary>One field of a <see cref="MapTargetModel"/>.</summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Kind">The JSON shape expected.</param>
/// <param name="IsNullable">Whether null is accepted.</param>
public sealed record MapTargetField(string Name, MapTargetKind Kind, bool IsNullable)
{
    /// <summary>Gets the fields of an <see cref="MapTargetKind.Object"/>, or of each element of an <see cref="MapTargetKind.Array"/> of objects.</summary>
    public IReadOnlyDictionary<string, MapTargetField> Fields { get; init; } = new Dictionary<string, MapTargetField>();

    /// <summary>Gets the kind of each element of an <see cref="MapTargetKind.Array"/>.</summary>
    public MapTargetKind ElementKind { get; init; } = MapTargetKind.Any;

    /// <summary>Gets the allowed strings of an <see cref="MapTargetKind.Enumeration"/>.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];
}
