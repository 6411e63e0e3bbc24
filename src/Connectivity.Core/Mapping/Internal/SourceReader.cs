using System.Text.Json;

namespace Connectivity.Mapping.Internal;

/// <summary>Thrown inside the reader for a record that cannot be mapped at all; caught per record.</summary>
internal sealed class MalformedRecordException(string message) : Exception(message);

/// <summary>Reads one record forward only with <see cref="Utf8JsonReader"/>, capturing the values the trie asks for.</summary>
internal static class SourceReader
{
    public static void Read(ReadOnlySpan<byte> input, SourceTrie trie, RecordState state, bool captureUnmapped, int maxDepth)
    {
        var reader = new Utf8JsonReader(input, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new MalformedRecordException("the record is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MalformedRecordException($"the record is a JSON {Describe(reader.TokenType)}, not an object");
        }

        ReadObject(ref reader, trie.Root, 0, state, captureUnmapped);
        if (reader.Read())
        {
            throw new MalformedRecordException($"unexpected data after the record at byte {reader.TokenStartIndex}");
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, SourceNode node, int frame, RecordState state, bool captureUnmapped)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var child = FindChild(ref reader, node);
            if (child is null)
            {
                if (captureUnmapped)
                {
                    var name = CaptureName(ref reader, state);
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    state.AddUnmapped(new UnmappedField { Name = name, ValueStart = start, ValueLength = (int)reader.BytesConsumed - start });
                    continue;
                }

                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                continue;
            }

            reader.Read();
            ReadValue(ref reader, child, frame, state);
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, SourceNode node, int frame, RecordState state)
    {
        var capture = node.Slot >= 0 ? Capture(ref reader, node, frame, state) : -1;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when node.Properties.Length > 0:
                ReadObject(ref reader, node, frame, state, captureUnmapped: false);
                break;
            case JsonTokenType.StartArray when node.Element is { } element:
                ReadArray(ref reader, element, frame, state);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                break;
        }

        if (capture >= 0 && state.Slots[capture].Kind is ValueKind.Object or ValueKind.Array)
        {
            // The slots may have grown (arrays inside open frames); the index still holds.
            ref var slot = ref state.Slots[capture];
            slot = new MapValue(slot.Kind, ValueStore.Input, slot.Start, (int)reader.BytesConsumed - slot.Start);
        }
    }

    private static void ReadArray(ref Utf8JsonReader reader, SourceNode element, int frame, RecordState state)
    {
        var index = 0;
        var slotCount = ScopeSlots(element, state);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var elementFrame = state.AddFrame(frame, element.Scope, index++, slotCount);
            ReadValue(ref reader, element, elementFrame, state);
        }
    }

    private static int ScopeSlots(SourceNode element, RecordState state) => state.ScopeSlotCounts[element.Scope];

    private static SourceNode? FindChild(ref Utf8JsonReader reader, SourceNode node)
    {
        var properties = node.Properties;
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            if (node.Lookup is { } lookup)
            {
                if (lookup.Find(SourceNode.KeyOf(name)) is not { } candidates)
                {
                    return null;
                }

                properties = candidates;
            }

            foreach (var property in properties)
            {
                if (name.SequenceEqual(property.NameUtf8))
                {
                    return property;
                }
            }

            return null;
        }

        foreach (var property in properties)
        {
            if (reader.ValueTextEquals(property.NameUtf8))
            {
                return property;
            }
        }

        return null;
    }

    private static MapValue CaptureName(ref Utf8JsonReader reader, RecordState state)
    {
        if (!reader.ValueIsEscaped)
        {
            return new MapValue(ValueKind.String, ValueStore.Input, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        }

        var span = state.ReserveScratch(reader.ValueSpan.Length, out var start);
        var written = reader.CopyString(span);
        state.TrimScratch(start, written);
        return new MapValue(ValueKind.String, ValueStore.Scratch, start, written);
    }

    private static int Capture(ref Utf8JsonReader reader, SourceNode node, int frame, RecordState state)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.String => CaptureName(ref reader, state),
            JsonTokenType.Number => new MapValue(ValueKind.Number, ValueStore.Input, (int)reader.TokenStartIndex, reader.ValueSpan.Length),
            JsonTokenType.True => MapValue.True,
            JsonTokenType.False => MapValue.False,
            JsonTokenType.Null => MapValue.Null,
            JsonTokenType.StartObject => new MapValue(ValueKind.Object, ValueStore.Input, (int)reader.TokenStartIndex, 0),
            _ => new MapValue(ValueKind.Array, ValueStore.Input, (int)reader.TokenStartIndex, 0),
        };

        var index = state.Frames[frame].SlotOffset + node.Slot;
        ref var slot = ref state.Slots[index];
        if (!slot.IsAbsent)
        {
            throw new MalformedRecordException($"the property '{node.Name}' appears twice at byte {reader.TokenStartIndex}");
        }

        slot = value;
        return index;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
