using System.Runtime.CompilerServices;

namespace Connectivity.Mapping.Internal;

/// <summary>What a rule sees while it evaluates: the record's bytes, the per-record state and where it is.</summary>
internal ref struct EvalContext(ReadOnlySpan<byte> input, RecordState state, MapProgram program)
{
    public readonly ReadOnlySpan<byte> Input = input;
    public readonly RecordState State = state;
    public readonly MapProgram Program = program;
    public int Frame;
    public string Target = string.Empty;
    public int ElementIndex = -1;

    // Most values are slices of the input: that case stays small enough to inline at every call site.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ReadOnlySpan<byte> Bytes(MapValue value)
        => value.Store == ValueStore.Input ? Input.Slice(value.Start, value.Length) : StoredBytes(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly ReadOnlySpan<byte> StoredBytes(MapValue value) => value.Store switch
    {
        ValueStore.Input => Input.Slice(value.Start, value.Length),
        ValueStore.Scratch => State.Scratch.AsSpan(value.Start, value.Length),
        ValueStore.Entity => State.EntityValueJson(value.Start),
        _ => value.Kind switch
        {
            ValueKind.True => "true"u8,
            ValueKind.False => "false"u8,
            ValueKind.Null => "null"u8,
            _ => Program.Literals.AsSpan(value.Start, value.Length),
        },
    };

    public readonly void Error(string code, string? sourcePath, string message)
    {
        var target = ElementIndex >= 0 ? $"{Target} (element {ElementIndex})" : Target;
        if (sourcePath is not null && !message.Contains(sourcePath, StringComparison.Ordinal))
        {
            message = message.EndsWith('.') ? $"{message[..^1]} (source: {sourcePath})." : $"{message} (source: {sourcePath})";
        }

        State.AddError(code, Target, sourcePath, $"{target}: {message}");
    }

    /// <summary>Describes a value for an error message without quoting a whole payload.</summary>
    public readonly string Show(MapValue value)
    {
        const int Max = 64;
        var bytes = Bytes(value);
        var text = System.Text.Encoding.UTF8.GetString(bytes.Length > Max ? bytes[..Max] : bytes);
        var shown = value.Kind == ValueKind.String ? $"\"{text}\"" : text;
        return bytes.Length > Max ? shown + "..." : shown;
    }
}
