namespace Connectivity.Mapping.Internal;

internal enum ValueKind : byte
{
    Absent,
    Null,
    String,
    Number,
    True,
    False,
    Object,
    Array,
}

internal enum ValueStore : byte
{
    Input,
    Scratch,
    Literal,

    /// <summary>An object or array read from an entity: <c>Start</c> indexes <see cref="RecordState.EntityValues"/>; its JSON is written on first use.</summary>
    Entity,
}

/// <summary>
/// A value during mapping: its JSON kind and where its UTF-8 bytes are (the record, the per-record scratch
/// buffer, or the map's literal pool). Strings hold their unescaped content; numbers their digits; objects
/// and arrays their raw JSON. Never allocates.
/// </summary>
internal readonly struct MapValue(ValueKind kind, ValueStore store, int start, int length)
{
    public static readonly MapValue Absent;
    public static readonly MapValue Null = new(ValueKind.Null, ValueStore.Literal, 0, 0);
    public static readonly MapValue True = new(ValueKind.True, ValueStore.Literal, 0, 0);
    public static readonly MapValue False = new(ValueKind.False, ValueStore.Literal, 0, 0);

    public ValueKind Kind { get; } = kind;

    public ValueStore Store { get; } = store;

    public int Start { get; } = start;

    public int Length { get; } = length;

    public bool IsAbsent => Kind == ValueKind.Absent;

    public bool IsAbsentOrNull => Kind is ValueKind.Absent or ValueKind.Null;

    public bool IsScalarText => Kind is ValueKind.String or ValueKind.Number or ValueKind.True or ValueKind.False;

    public MapValue Slice(int offset, int length) => new(Kind, Store, Start + offset, length);

    public MapValue WithKind(ValueKind kind) => new(kind, Store, Start, Length);

    public static MapValue Boolean(bool value) => value ? True : False;
}
