using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Connectivity.Mapping.Internal;

internal struct Frame
{
    public int Parent;
    public int Scope;
    public int Index;
    public int SlotOffset;
}

internal struct EntityValue(object value, System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo)
{
    public readonly object Value = value;
    public readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo = typeInfo;
    public int Start;
    public int Length = -1;
}

internal readonly struct IsoDateText(ValueStore store, int start, int length, DateTimeOffset value)
{
    public readonly ValueStore Store = store;
    public readonly int Start = start;
    public readonly int Length = length;
    public readonly DateTimeOffset Value = value;
}

internal struct UnmappedField
{
    public MapValue Name;
    public int ValueStart;
    public int ValueLength;
}

/// <summary>
/// Everything one record needs while it is mapped: captured source values, array frames, scratch bytes,
/// errors and the output writer. One instance per thread, reused record after record, so mapping a record
/// allocates nothing once warm.
/// </summary>
#pragma warning disable CA1001 // Lives as long as its thread and holds only managed buffers; nothing to release early.
internal sealed class RecordState
#pragma warning restore CA1001
{
    [ThreadStatic]
    private static RecordState? s_cached;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>The captured values, one per source slot of each frame (<see cref="Frame.SlotOffset"/>); absent until captured.</summary>
    public MapValue[] Slots = new MapValue[64];
    public int SlotCount;
    public Frame[] Frames = new Frame[16];
    public int FrameCount;
    public byte[] Scratch = new byte[1024];
    public int ScratchLength;
    public MapValue[] ValueStack = new MapValue[64];
    public int ValueStackTop;
    public UnmappedField[] Unmapped = new UnmappedField[16];
    public int UnmappedCount;
    public int[] ScopeSlotCounts = [];
    public List<MapError>? Errors;
    public readonly ArrayBufferWriter<byte> Output = new(4096);
    public readonly Utf8JsonWriter Writer;
    public readonly ArrayBufferWriter<byte> EntityBuffer = new(1024);
    public readonly Utf8JsonWriter EntityWriter;

    /// <summary>Objects and arrays read from an entity whose JSON is written only when a rule needs it (<see cref="ValueStore.Entity"/>).</summary>
    public EntityValue[] EntityValues = new EntityValue[8];
    public int EntityValueCount;
    public readonly ArrayBufferWriter<byte> EntityJson = new(256);

    /// <summary>One value a rule writes as JSON so System.Text.Json can read it into an entity property.</summary>
    public readonly ArrayBufferWriter<byte> Fragment = new(256);
    public readonly Utf8JsonWriter FragmentWriter;

    /// <summary>
    /// Date-times this record wrote as text in ISO 8601 form (<see cref="ValueText.FormatIso"/>: a toDateTime step's result,
    /// an entity's <see cref="DateTimeOffset"/>), with their values, so that a later step or binding takes the value
    /// instead of parsing the text back. Scratch and the entity buffer are append-only within a record, so the same place
    /// holds the same text. A few are kept; beyond that, text is parsed as before.
    /// </summary>
    public IsoDateText[] IsoDates = new IsoDateText[4];
    public int IsoDateCount;

    /// <summary>Set when an entity cannot be bound directly exactly as the JSON path would; the record then takes the JSON path.</summary>
    public bool BindingAborted;
    public bool InUse;

    public RecordState()
    {
        Writer = new Utf8JsonWriter(Output, WriterOptions);
        EntityWriter = new Utf8JsonWriter(EntityBuffer, new JsonWriterOptions { SkipValidation = true });
        FragmentWriter = new Utf8JsonWriter(Fragment, WriterOptions);
    }

    public static RecordState Rent()
    {
        var state = s_cached;
        if (state is null || state.InUse)
        {
            state = new RecordState();
            s_cached ??= state;
        }

        state.InUse = true;
        return state;
    }

    public void Return()
    {
        InUse = false;
        if (Output.Capacity > 1 << 20)
        {
            // Do not keep a huge buffer alive on an idle thread after one huge record.
            s_cached = null;
        }
    }

    public void Reset(int[] scopeSlotCounts)
    {
        ScopeSlotCounts = scopeSlotCounts;
        ScratchLength = 0;
        ValueStackTop = 0;
        UnmappedCount = 0;
        if (EntityValueCount > 0)
        {
            Array.Clear(EntityValues, 0, EntityValueCount);
            EntityValueCount = 0;
            EntityJson.ResetWrittenCount();
        }

        BindingAborted = false;
        IsoDateCount = 0;
        Errors?.Clear();
        Output.ResetWrittenCount();
        Writer.Reset(Output);
        FrameCount = 0;
        SlotCount = 0;
        AddFrame(-1, 0, 0, scopeSlotCounts[0]);
    }

    public bool HasErrors => Errors is { Count: > 0 };

    /// <summary>Remembers that <paramref name="text"/> is <see cref="ValueText.FormatIso"/> (date and time) of <paramref name="value"/>.</summary>
    public void RememberIsoDate(MapValue text, DateTimeOffset value)
    {
        if (IsoDateCount < IsoDates.Length)
        {
            IsoDates[IsoDateCount++] = new IsoDateText(text.Store, text.Start, text.Length, value);
        }
    }

    /// <summary>The value whose ISO text <paramref name="text"/> is, if this record wrote it (<see cref="RememberIsoDate"/>).</summary>
    public bool TryRecallIsoDate(MapValue text, out DateTimeOffset value)
    {
        for (var i = 0; text.Kind == ValueKind.String && i < IsoDateCount; i++)
        {
            ref var known = ref IsoDates[i];
            if (known.Start == text.Start && known.Length == text.Length && known.Store == text.Store)
            {
                value = known.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public void AddError(string code, string targetField, string? sourcePath, string message)
        => (Errors ??= []).Add(new MapError(code, targetField, sourcePath, message));

    public int AddFrame(int parent, int scope, int index, int slotCount)
    {
        if (FrameCount == Frames.Length)
        {
            Array.Resize(ref Frames, Frames.Length * 2);
        }

        if (SlotCount + slotCount > Slots.Length)
        {
            Array.Resize(ref Slots, Math.Max(Slots.Length * 2, SlotCount + slotCount));
        }

        Slots.AsSpan(SlotCount, slotCount).Clear();
        Frames[FrameCount] = new Frame { Parent = parent, Scope = scope, Index = index, SlotOffset = SlotCount };
        SlotCount += slotCount;
        return FrameCount++;
    }

    public void AddUnmapped(UnmappedField field)
    {
        if (UnmappedCount == Unmapped.Length)
        {
            Array.Resize(ref Unmapped, Unmapped.Length * 2);
        }

        Unmapped[UnmappedCount++] = field;
    }

    public Span<byte> ReserveScratch(int length, out int start)
    {
        if (ScratchLength + length > Scratch.Length)
        {
            Array.Resize(ref Scratch, Math.Max(Scratch.Length * 2, ScratchLength + length));
        }

        start = ScratchLength;
        ScratchLength += length;
        return Scratch.AsSpan(start, length);
    }

    /// <summary>Gives back the unused tail of the caller's own, latest reservation (so text before it never changes: see <see cref="IsoDates"/>).</summary>
    public void TrimScratch(int start, int used)
    {
        System.Diagnostics.Debug.Assert(start + used <= ScratchLength, "TrimScratch may only shorten the latest reservation.");
        ScratchLength = start + used;
    }

    public MapValue ScratchString(ReadOnlySpan<byte> utf8, ValueKind kind = ValueKind.String)
    {
        var span = ReserveScratch(utf8.Length, out var start);
        utf8.CopyTo(span);
        return new MapValue(kind, ValueStore.Scratch, start, utf8.Length);
    }

    public MapValue ScratchString(ReadOnlySpan<char> text, ValueKind kind = ValueKind.String)
    {
        var span = ReserveScratch(Encoding.UTF8.GetMaxByteCount(text.Length), out var start);
        var written = Encoding.UTF8.GetBytes(text, span);
        TrimScratch(start, written);
        return new MapValue(kind, ValueStore.Scratch, start, written);
    }

    public MapValue AddEntityValue(ValueKind kind, object value, System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo)
    {
        if (EntityValueCount == EntityValues.Length)
        {
            Array.Resize(ref EntityValues, EntityValues.Length * 2);
        }

        EntityValues[EntityValueCount] = new EntityValue(value, typeInfo);
        return new MapValue(kind, ValueStore.Entity, EntityValueCount++, 0);
    }

    /// <summary>The JSON of an entity value, written with its metadata the first time it is asked for, as the JSON path would have.</summary>
    public ReadOnlySpan<byte> EntityValueJson(int index)
    {
        ref var entry = ref EntityValues[index];
        if (entry.Length < 0)
        {
            entry.Start = EntityJson.WrittenCount;
            EntityWriter.Reset(EntityJson);
            JsonSerializer.Serialize(EntityWriter, entry.Value, entry.TypeInfo);
            EntityWriter.Flush();
            entry.Length = EntityJson.WrittenCount - entry.Start;
        }

        return EntityJson.WrittenSpan.Slice(entry.Start, entry.Length);
    }

    public void PushValue(MapValue value)
    {
        if (ValueStackTop == ValueStack.Length)
        {
            Array.Resize(ref ValueStack, ValueStack.Length * 2);
        }

        ValueStack[ValueStackTop++] = value;
    }
}
