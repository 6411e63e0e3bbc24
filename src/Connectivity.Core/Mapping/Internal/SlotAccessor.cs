using System.Runtime.CompilerServices;

namespace Connectivity.Mapping.Internal;

/// <summary>Reads the captured value of one source path from the current frame.</summary>
internal sealed class SlotAccessor
{
    public required string Path { get; init; }

    public required bool Rooted { get; init; }

    public required int BaseScope { get; init; }

    /// <summary>Gets the array steps from the base to the value: the scope entered and the element index (or -1 for the current).</summary>
    public required (int Scope, int Index)[] Steps { get; init; }

    public required int Slot { get; init; }

    public int UnwrapSlot { get; init; } = -1;

    /// <summary>
    /// Reads the value. Most reads are of a plain path in the scope being evaluated (a top-level field, or a field of the
    /// array element being mapped): that case is small enough to inline into the rules; everything else takes <see cref="ReadAny"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MapValue Read(ref EvalContext context)
    {
        var state = context.State;
        ref var frame = ref state.Frames[context.Frame];
        if (frame.Scope == BaseScope && Steps.Length == 0 && UnwrapSlot < 0 && !Rooted)
        {
            var value = state.Slots[frame.SlotOffset + Slot];
            if (value.Kind != ValueKind.String || !context.Program.MayBeNullSentinel(value.Length))
            {
                return value;
            }
        }

        return ReadAny(ref context);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private MapValue ReadAny(ref EvalContext context)
    {
        var state = context.State;
        var frames = state.Frames;
        var frame = BaseFrame(ref context, Rooted, BaseScope);
        if (frame < 0)
        {
            return MapValue.Absent;
        }

        foreach (var (scope, index) in Steps)
        {
            frame = FindChildFrame(state, frame, scope, index);
            if (frame < 0)
            {
                return MapValue.Absent;
            }
        }

        var value = state.Slots[frames[frame].SlotOffset + Slot];
        if (value.IsAbsent)
        {
            return value;
        }

        if (UnwrapSlot >= 0 && value.Kind == ValueKind.Object)
        {
            value = state.Slots[frames[frame].SlotOffset + UnwrapSlot];
        }

        return value.Kind == ValueKind.String && context.Program.MayBeNullSentinel(value.Length) && context.Program.IsNullSentinel(context.Bytes(value))
            ? MapValue.Null
            : value;
    }

    public static int BaseFrame(ref EvalContext context, bool rooted, int baseScope)
    {
        if (rooted)
        {
            return 0;
        }

        var frames = context.State.Frames;
        var frame = context.Frame;
        while (frame >= 0 && frames[frame].Scope != baseScope)
        {
            frame = frames[frame].Parent;
        }

        return frame;
    }

    public static int FindChildFrame(RecordState state, int parent, int scope, int index)
    {
        var frames = state.Frames;
        for (var i = parent + 1; i < state.FrameCount; i++)
        {
            ref var candidate = ref frames[i];
            if (candidate.Parent == parent && candidate.Scope == scope && (index < 0 || candidate.Index == index))
            {
                return i;
            }
        }

        return -1;
    }
}
